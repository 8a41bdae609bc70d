package postgres

import (
	"context"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// encodeUUIDsAsBytes makes a connection send a uuid.UUID parameter of a uuid column as its 16
// bytes. Without it pgx takes the driver.Valuer path for every id: the UUID's text, a failed
// binary encoding (an error formatted with fmt), a parse of the text back, and only then the
// bytes; about 6% of a practice page's CPU, for three ids. Parameters of any other type (an id
// cast to text, say) still go through Value as before.
func encodeUUIDsAsBytes(_ context.Context, conn *pgx.Conn) error {
	conn.TypeMap().RegisterType(&pgtype.Type{Name: "uuid", OID: pgtype.UUIDOID, Codec: googleUUIDCodec{}})
	return nil
}

type googleUUIDCodec struct{ pgtype.UUIDCodec }

func (c googleUUIDCodec) PlanEncode(m *pgtype.Map, oid uint32, format int16, value any) pgtype.EncodePlan {
	if _, ok := value.(uuid.UUID); ok {
		if next := c.UUIDCodec.PlanEncode(m, oid, format, pgtype.UUID{}); next != nil {
			return googleUUIDPlan{next: next}
		}
	}
	return c.UUIDCodec.PlanEncode(m, oid, format, value)
}

type googleUUIDPlan struct{ next pgtype.EncodePlan }

func (p googleUUIDPlan) Encode(value any, buf []byte) ([]byte, error) {
	return p.next.Encode(pgtype.UUID{Bytes: value.(uuid.UUID), Valid: true}, buf)
}

package postgres

import (
	"context"
	"testing"

	"github.com/peerbridge/peerbridge/internal/testdb"
)

// TestSessionsRunWithoutJIT: every connection of the pool starts with the application's session
// settings; a connection string that names one keeps its own.
func TestSessionsRunWithoutJIT(t *testing.T) {
	url := testdb.New(t)
	for _, c := range []struct{ dsn, want string }{{url, "off"}, {url + "&jit=on", "on"}} {
		db, err := Open(c.dsn, nil)
		if err != nil {
			t.Fatal(err)
		}
		var jit string
		if err := db.SQL().QueryRowContext(context.Background(), `SHOW jit`).Scan(&jit); err != nil {
			t.Fatal(err)
		}
		db.Close()
		if jit != c.want {
			t.Fatalf("%s: jit = %s, want %s", c.dsn, jit, c.want)
		}
	}
}

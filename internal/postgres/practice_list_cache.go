package postgres

import (
	"container/list"
	"context"
	"encoding/json"
	"hash/fnv"
	"strconv"
	"strings"
	"sync"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// practiceListCache keeps what is costly in a programme's practice list or search — which
// practices make up a page, in what order and rank, and the list's total (a capped count over
// the full-text index or over every visible practice) — under the programme's list version
// (practice_list_versions, migration 0031, moved on at the commit of any change a list depends
// on). A request reads the version (a primary-key lookup) and, when a page is kept under it,
// only reads that page's rows, through the same visibility rule and filters as the list itself:
// a kept page can at worst miss a practice the viewer can no longer see, never show one.
//
// The entries are bounded (least recently used go first); search stems, which depend only on
// the words and PostgreSQL's text search configurations, are kept beside them.
type practiceListCache struct {
	mu      sync.Mutex
	max     int
	entries map[string]*list.Element
	lru     *list.List
	stems   map[string]string
}

// practiceListCacheSize bounds the kept pages, and separately the kept stems: a page keeps at
// most a page's ids, so this is a few megabytes at most.
const practiceListCacheSize = 4096

type practiceListEntry struct {
	key     string
	version int64
	ids     []uuid.UUID
	ranks   []float64
	total   domain.Total
}

func newPracticeListCache() *practiceListCache {
	return &practiceListCache{max: practiceListCacheSize, entries: map[string]*list.Element{}, lru: list.New(), stems: map[string]string{}}
}

// practiceListKey names a list page: every filter, the viewer, the stemmed query and the page.
func practiceListKey(f domain.PracticeFilter, tsq string, p domain.PageRequest) string {
	b, _ := json.Marshal(struct {
		F   domain.PracticeFilter
		TSQ string
		P   domain.PageRequest
	}{f, tsq, p})
	return string(b)
}

func (c *practiceListCache) get(key string, version int64) (practiceListEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[key]
	if !ok {
		return practiceListEntry{}, false
	}
	e := el.Value.(practiceListEntry)
	if e.version != version {
		c.lru.Remove(el)
		delete(c.entries, key)
		return practiceListEntry{}, false
	}
	c.lru.MoveToFront(el)
	return e, true
}

func (c *practiceListCache) put(e practiceListEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[e.key]; ok {
		if el.Value.(practiceListEntry).version > e.version {
			return // a newer page was kept meanwhile
		}
		el.Value = e
		c.lru.MoveToFront(el)
		return
	}
	c.entries[e.key] = c.lru.PushFront(e)
	for c.lru.Len() > c.max {
		last := c.lru.Back()
		c.lru.Remove(last)
		delete(c.entries, last.Value.(practiceListEntry).key)
	}
}

func (c *practiceListCache) stem(query string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	tsq, ok := c.stems[query]
	return tsq, ok
}

func (c *practiceListCache) keepStem(query, tsq string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.stems) >= c.max {
		clear(c.stems)
	}
	c.stems[query] = tsq
}

// practiceListVersion is the programme's list version (0 before its first change).
func (s *Store) practiceListVersion(ctx context.Context, programmeID uuid.UUID) (int64, error) {
	return s.programmeVersion(ctx, programmeID, practiceListVersions)
}

// publicCatalogueVersion names what the public catalogue's pages (of one programme, or of all)
// are chosen from: which programmes have a public catalogue, and each one's list version. The
// list joined in id order is hashed into a version, which changes when a programme opens or
// closes its catalogue or any of their list versions moves. (Names and labels on a page are read
// afresh on every request, through the catalogue's own filter: a kept page never shows what is no
// longer public.)
func (s *Store) publicCatalogueVersion(ctx context.Context, programmeID *uuid.UUID) (int64, error) {
	var v string
	err := s.conn(ctx).Raw(`SELECT coalesce(string_agg(g.id::text || ':' || coalesce(v.version, 0), ',' ORDER BY g.id), '')
		FROM programmes g LEFT JOIN practice_list_versions v ON v.programme_id = g.id
		WHERE g.public_catalogue AND (CAST(? AS uuid) IS NULL OR g.id = ?)`, programmeID, programmeID).Scan(&v).Error
	h := fnv.New64a()
	h.Write([]byte(v))
	return int64(h.Sum64()), translate(err)
}

// keptPracticeRows reads the rows of a kept page, through f's filters and visibility rule (the
// query itself already chose the ids) and in the page's order.
func keptPracticeRows(db *gorm.DB, f domain.PracticeFilter, p domain.PageRequest, e practiceListEntry) *gorm.DB {
	ids := make([]string, len(e.ids))
	ranks := make([]string, len(e.ranks))
	for i, id := range e.ids {
		ids[i] = id.String()
		ranks[i] = strconv.FormatFloat(e.ranks[i], 'g', -1, 64)
	}
	idList := "{" + strings.Join(ids, ",") + "}"
	// The ids as an index condition too: joined only, the planner reads the whole programme's
	// visibility index and hashes it against them (2,118 buffers and 6 ms on the benchmark data
	// set, against 328 and under 1 ms through the primary key).
	kept := practiceFilter(db, withoutQuery(f), "").Where("p.id = ANY(?::uuid[])", idList).
		Joins("JOIN unnest(?::uuid[], ?::float8[]) AS c (id, rank) ON c.id = p.id", idList, "{"+strings.Join(ranks, ",")+"}").
		Select("p.id, c.rank")
	return practiceRowsOf(db, f, kept, practiceOuterOrder(f, p))
}

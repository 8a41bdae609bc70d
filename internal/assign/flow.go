package assign

import (
	"math"
	"math/bits"
)

// network is the layered flow network of Solve, stored compactly:
//
//	S → practice p      capacity open[p], cost 0
//	p → group g         convex: the first unit costs 0 if the group's country
//	                    is not yet on the practice (gFree), every other unit
//	                    CountryPenalty
//	g → reviewer        one arc per eligible pair, capacity 1, cost aCost
//	reviewer r → T      convex: the k-th new unit costs
//	                    LoadStep·(exLoad[r]+k−1), up to capR[r] units
//
// A group is one (practice, reviewer country) combination; its pair arcs are
// contiguous. Residual arcs are derived from the flow instead of being
// stored: a pair arc with flow is the residual arc reviewer → group, kept in
// the reviewer's short list of assigned arcs. Arcs into S and out of T are
// never part of a simple S–T path and are not represented.
type network struct {
	nP, nR int

	open []int32 // S → p capacity
	fS   []int32 // S → p flow

	gBeg  []int32 // groups of practice p: gBeg[p]..gBeg[p+1]
	gPr   []int32 // practice of group g
	gFree []bool  // first unit of g is free
	xg    []int32 // p → g flow

	aBeg  []int32 // pair arcs of group g: aBeg[g]..aBeg[g+1]
	aTo   []int32 // reviewer of arc a
	aCost []int32
	aFlow []bool

	capR     []int32 // r → T capacity
	exLoad   []int32
	yr       []int32 // r → T flow
	assigned [][]asg // pair arcs with flow, per reviewer

	pot, dist []int64
	done      []bool
	heap      radixHeap

	// depth-first search state
	cur     []int32
	dead    []bool
	onStack []bool
}

type asg struct{ arc, group int32 }

const inf = math.MaxInt64

// Node numbering: S, practices, groups, reviewers, T.
func (n *network) pNode(p int32) int32 { return 1 + p }
func (n *network) gNode(g int32) int32 { return 1 + int32(n.nP) + g }
func (n *network) rNode(r int32) int32 { return 1 + int32(n.nP+len(n.gPr)) + r }
func (n *network) tNode() int32        { return 1 + int32(n.nP+len(n.gPr)+n.nR) }

// gMarginal is the cost of the x-th unit (x ≥ 1) on p → g.
func (n *network) gMarginal(g, x int32) int64 {
	if x == 1 && n.gFree[g] {
		return 0
	}
	return CountryPenalty
}

// rMarginal is the cost of the k-th new unit (k ≥ 1) on r → T.
func (n *network) rMarginal(r, k int32) int64 {
	return LoadStep * int64(n.exLoad[r]+k-1)
}

// run computes a minimum-cost maximum flow by the primal–dual method.
func (n *network) run() {
	nG := len(n.gPr)
	nodes := int(n.tNode()) + 1
	n.fS = make([]int32, n.nP)
	n.xg = make([]int32, nG)
	n.aFlow = make([]bool, len(n.aTo))
	n.yr = make([]int32, n.nR)
	n.assigned = make([][]asg, n.nR)
	n.pot = make([]int64, nodes)
	n.dist = make([]int64, nodes)
	n.done = make([]bool, nodes)
	n.cur = make([]int32, nodes)
	n.dead = make([]bool, nodes)
	n.onStack = make([]bool, nodes)

	// Upper bound on the flow, to skip the final, fruitless Dijkstra pass.
	var demand, supply int64
	for p := range n.nP {
		if n.gBeg[p+1] > n.gBeg[p] {
			demand += int64(n.open[p])
		}
	}
	for r := range n.nR {
		supply += int64(n.capR[r])
	}
	bound := min(demand, supply)
	var flow int64
	for flow < bound && n.dijkstra() {
		sent := n.augment()
		if sent == 0 {
			// Cannot happen while the potentials are valid: the shortest
			// path found by Dijkstra is admissible. Stop rather than loop.
			break
		}
		flow += sent
	}
}

// dijkstra computes shortest distances from S in reduced costs, stopping
// once T is settled, and updates the potentials so that every residual arc
// keeps a non-negative reduced cost and the arcs of shortest S–T paths get
// reduced cost zero. It reports whether T is reachable.
func (n *network) dijkstra() bool {
	dist, pot, done := n.dist, n.pot, n.done
	for i := range dist {
		dist[i] = inf
		done[i] = false
	}
	t := n.tNode()
	h := &n.heap
	h.reset()
	dist[0] = 0
	h.push(0, 0)
	nP := int32(n.nP)
	gLo, rLo := n.gNode(0), n.rNode(0)
	relax := func(v int32, d int64) {
		if d < dist[v] {
			dist[v] = d
			h.push(d, v)
		}
	}
	for h.size > 0 {
		du, u := h.pop()
		if done[u] || du > dist[u] {
			continue
		}
		done[u] = true
		if u == t {
			break
		}
		base := du + pot[u]
		switch {
		case u == 0:
			for p := range nP {
				if n.fS[p] < n.open[p] {
					v := n.pNode(p)
					relax(v, base-pot[v])
				}
			}
		case u < gLo:
			p := u - 1
			for g := n.gBeg[p]; g < n.gBeg[p+1]; g++ {
				v := n.gNode(g)
				relax(v, base+n.gMarginal(g, n.xg[g]+1)-pot[v])
			}
		case u < rLo:
			g := u - gLo
			if x := n.xg[g]; x > 0 {
				v := n.pNode(n.gPr[g])
				relax(v, base-n.gMarginal(g, x)-pot[v])
			}
			to, cost, fl := n.aTo[n.aBeg[g]:n.aBeg[g+1]], n.aCost[n.aBeg[g]:n.aBeg[g+1]], n.aFlow[n.aBeg[g]:n.aBeg[g+1]]
			for i, r := range to {
				if fl[i] {
					continue
				}
				v := rLo + r
				if d := base + int64(cost[i]) - pot[v]; d < dist[v] {
					dist[v] = d
					h.push(d, v)
				}
			}
		default:
			r := u - rLo
			if n.yr[r] < n.capR[r] {
				relax(t, base+n.rMarginal(r, n.yr[r]+1)-pot[t])
			}
			for _, e := range n.assigned[r] {
				v := n.gNode(e.group)
				relax(v, base-int64(n.aCost[e.arc])-pot[v])
			}
		}
	}
	dT := dist[t]
	if dT == inf {
		return false
	}
	for v := range pot {
		if done[v] {
			pot[v] += dist[v]
		} else {
			pot[v] += dT
		}
	}
	return true
}

// augment sends unit flows along admissible (zero reduced cost) residual
// paths from S to T until the depth-first search finds no more, and
// returns the number of units sent. Nodes that lead nowhere are marked dead
// for the phase; a path missed because of that is found after the next
// Dijkstra pass, so the method stays exact. Every path contains a pair arc
// of capacity 1, so each augmentation carries one unit.
func (n *network) augment() int64 {
	nP := int32(n.nP)
	gLo, rLo, t := n.gNode(0), n.rNode(0), n.tNode()
	pot := n.pot
	// Reset the per-phase state; cur holds the next arc to try per node.
	for i := range n.dead {
		n.dead[i] = false
	}
	n.cur[0] = 0
	for p := range nP {
		n.cur[n.pNode(p)] = n.gBeg[p]
	}
	for g := range int32(len(n.gPr)) {
		n.cur[n.gNode(g)] = n.aBeg[g] - 1 // -1: the reverse arc to the practice
	}
	for r := range int32(n.nR) {
		n.cur[rLo+r] = -1 // -1: the arc to T, then the assigned list
	}

	stack := []int32{0}
	via := []int32{-1} // pair arc used to reach stack[i], else -1
	n.onStack[0] = true
	var sent int64
	for len(stack) > 0 {
		u := stack[len(stack)-1]
		v, arc := int32(-1), int32(-1)
		blocked := func(w int32) bool { return n.dead[w] || n.onStack[w] }
		switch {
		case u == 0:
			for ; n.cur[0] < nP; n.cur[0]++ {
				p := n.cur[0]
				w := n.pNode(p)
				if n.fS[p] < n.open[p] && pot[0] == pot[w] && !blocked(w) {
					v = w
					break
				}
			}
		case u < gLo:
			p := u - 1
			for ; n.cur[u] < n.gBeg[p+1]; n.cur[u]++ {
				g := n.cur[u]
				w := n.gNode(g)
				if n.gMarginal(g, n.xg[g]+1)+pot[u] == pot[w] && !blocked(w) {
					v = w
					break
				}
			}
		case u < rLo:
			g := u - gLo
			if n.cur[u] < n.aBeg[g] {
				w := n.pNode(n.gPr[g])
				if x := n.xg[g]; x > 0 && pot[u]-n.gMarginal(g, x) == pot[w] && !blocked(w) {
					v = w
				} else {
					n.cur[u]++
				}
			}
			if v < 0 {
				for ; n.cur[u] < n.aBeg[g+1]; n.cur[u]++ {
					a := n.cur[u]
					if n.aFlow[a] {
						continue
					}
					w := rLo + n.aTo[a]
					if int64(n.aCost[a])+pot[u] == pot[w] && !blocked(w) {
						v, arc = w, a
						break
					}
				}
			}
		default:
			r := u - rLo
			if n.cur[u] < 0 {
				if n.yr[r] < n.capR[r] && n.rMarginal(r, n.yr[r]+1)+pot[u] == pot[t] {
					v = t
				} else {
					n.cur[u]++
				}
			}
			if v < 0 {
				for ; int(n.cur[u]) < len(n.assigned[r]); n.cur[u]++ {
					e := n.assigned[r][n.cur[u]]
					w := n.gNode(e.group)
					if pot[u]-int64(n.aCost[e.arc]) == pot[w] && !blocked(w) {
						v, arc = w, e.arc
						break
					}
				}
			}
		}

		if v < 0 {
			// Dead end: retreat, and let the parent move past this arc.
			n.dead[u] = true
			n.onStack[u] = false
			stack, via = stack[:len(stack)-1], via[:len(via)-1]
			continue
		}
		if v != t {
			stack = append(stack, v)
			via = append(via, arc)
			n.onStack[v] = true
			continue
		}

		// Reached T: apply one unit along the path, then restart from S.
		stack = append(stack, t)
		via = append(via, -1)
		for i := 1; i < len(stack); i++ {
			a, b := stack[i-1], stack[i]
			switch {
			case a == 0:
				n.fS[b-1]++
			case a < gLo && b >= gLo: // practice → group
				n.xg[b-gLo]++
			case a < rLo && b < gLo: // group → practice (reverse)
				n.xg[a-gLo]--
			case a < rLo: // group → reviewer
				r := b - rLo
				n.aFlow[via[i]] = true
				n.assigned[r] = append(n.assigned[r], asg{arc: via[i], group: a - gLo})
			case b == t: // reviewer → T
				n.yr[a-rLo]++
			default: // reviewer → group (reverse pair arc)
				r := a - rLo
				n.aFlow[via[i]] = false
				list := n.assigned[r]
				for j := range list {
					if list[j].arc == via[i] {
						n.assigned[r] = append(list[:j], list[j+1:]...)
						break
					}
				}
			}
		}
		sent++
		for _, w := range stack {
			n.onStack[w] = false
		}
		stack, via = stack[:1], via[:1]
		n.onStack[0] = true
	}
	return sent
}

// radixHeap is a monotone priority queue of (distance, node) entries for
// non-negative integer distances: every pushed distance is at least the
// last popped one, which holds in Dijkstra's algorithm. An entry lives in
// the bucket named by the highest bit in which its distance differs from
// the last popped distance; popping refills bucket 0 from the first
// non-empty bucket. Each entry moves down at most 64 times, and in practice
// once or twice. Stale entries are skipped by the caller.
type radixHeap struct {
	last    int64
	size    int
	buckets [65][]heapItem
}

type heapItem struct {
	d int64
	v int32
}

func (h *radixHeap) reset() {
	h.last, h.size = 0, 0
	for i := range h.buckets {
		h.buckets[i] = h.buckets[i][:0]
	}
}

func (h *radixHeap) push(d int64, v int32) {
	b := bits.Len64(uint64(d ^ h.last))
	h.buckets[b] = append(h.buckets[b], heapItem{d, v})
	h.size++
}

// pop removes an entry with the smallest distance. Among equal distances
// the order depends only on the sequence of pushes, so it is deterministic.
func (h *radixHeap) pop() (int64, int32) {
	if len(h.buckets[0]) == 0 {
		i := 1
		for len(h.buckets[i]) == 0 {
			i++
		}
		lo := h.buckets[i][0].d
		for _, it := range h.buckets[i][1:] {
			if it.d < lo {
				lo = it.d
			}
		}
		h.last = lo
		for _, it := range h.buckets[i] {
			b := bits.Len64(uint64(it.d ^ lo))
			h.buckets[b] = append(h.buckets[b], it)
		}
		h.buckets[i] = h.buckets[i][:0]
	}
	b0 := h.buckets[0]
	it := b0[len(b0)-1]
	h.buckets[0] = b0[:len(b0)-1]
	h.size--
	return it.d, it.v
}

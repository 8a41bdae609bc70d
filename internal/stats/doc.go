// Package stats holds the statistics behind Peerbridge's review-round
// reports (SPEC §7.3): Krippendorff's alpha for inter-rater agreement between
// reviewers (interval from per-practice moments, ordinal and nominal from
// coincidence matrices), its bootstrap interval and P(α < .667), a reading of
// it in words, one-way intraclass correlations of the weighted score,
// reviewer-adjusted scores, a spread flag from the standard error of
// measurement, Wilson score intervals for the programme report's
// work-resumption rates, and means that leave missing answers out and round once.
//
// Everything works from what SQL aggregates give (per-practice moments,
// coincidence cells, per-practice answer counts), never from a dense
// reviewer × practice matrix.
//
// The package is pure: it performs no I/O, keeps no state (beyond a table of
// constants computed once) and depends only on the standard library, so
// results are reproducible from the inputs alone; the bootstrap uses a fixed
// seed.
package stats

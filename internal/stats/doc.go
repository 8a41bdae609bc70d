// Package stats holds the statistics behind Peerbridge's review-round
// reports: Krippendorff's alpha for inter-rater agreement between
// reviewers, and simple descriptive summaries of scores.
//
// The package is pure: it performs no I/O, keeps no state and depends only
// on the standard library, so results are reproducible from the inputs alone.
package stats

/**
 * The report's strings (locales/report.*.json), then the labels it shares with the adaptation loop
 * (locales/exchange.*.json: stages, fidelity) and peer review (locales/review.*.json: decision
 * outcomes, recommendations). Use with `{ nsMode: 'fallback' }`.
 */
export const REPORT_NAMESPACES = ['report', 'exchange', 'review'];

/**
 * The report's strings (locales/report.*.json), then the labels it shares with the adaptation loop
 * (locales/exchange.*.json: stages, fidelity) and peer review (locales/review.*.json: decision
 * outcomes, recommendations) and exchange activities (locales/activities.*.json: kinds, roles). Use
 * with `{ nsMode: 'fallback' }`.
 */
export const REPORT_NAMESPACES = ['report', 'exchange', 'review', 'activities'];

/**
 * The dashboard's strings (locales/dashboard.*.json), then what it shares with the adaptation loop
 * (locales/exchange.*.json: stages, product kinds). Use with `{ nsMode: 'fallback' }`.
 */
export const DASHBOARD_NAMESPACES = ['dashboard', 'exchange'];

import { useTranslation } from 'react-i18next';

const NAMESPACES = ['review', 'rounds', 'translation'] as const;

/**
 * `t` for the peer-review screens (review and rounds): keys are looked up in the "review"
 * namespace (locales/review.*.json), then "rounds" (locales/rounds.*.json), then in the app's
 * common strings (actions, forms, errors).
 */
export function useReviewTranslation() {
  return useTranslation(NAMESPACES as unknown as string[], { nsMode: 'fallback' });
}

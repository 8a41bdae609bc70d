import { useTranslation } from 'react-i18next';

const NAMESPACES = ['review', 'translation'] as const;

/**
 * `t` for the peer-review screens: keys are looked up in the "review" namespace
 * (locales/review.*.json) first, then in the app's common strings (actions, forms, errors).
 */
export function useReviewTranslation() {
  return useTranslation(NAMESPACES as unknown as string[], { nsMode: 'fallback' });
}

import type { TFunction } from 'i18next';
import type { Keyed, MatchReason, Suggestion, WantLevel } from '@/api/types';
import { titleOf } from '@/lib/vocabulary';

/** Want levels, least first (the server's closed list). */
export const WANT_LEVELS: readonly WantLevel[] = ['none', 'some', 'high'];

/** Questions a theme may carry (domain.MaxLearningQuestions). */
export const MAX_QUESTIONS = 5;

/**
 * A reason for a suggestion in the reader's language: themes by their title in the programme's
 * vocabulary, want levels and outcomes in words. A code this version does not know is left out.
 */
export function reasonText(reason: MatchReason, kind: Suggestion['kind'], themes: readonly Keyed[], lang: string, t: TFunction): string | null {
  const p = reason.params ?? {};
  const theme = p.theme ? titleOf(themes, p.theme, lang) : '';
  const level = p.level === 'some' || p.level === 'high' ? t(`learning.matches.level.${p.level}`) : '';
  switch (reason.code) {
    case 'reciprocal':
      return t('learning.matches.reason.reciprocal');
    case 'offers_theme_you_want':
      return t(kind === 'practice' ? 'learning.matches.reason.coversThemeYouWant' : 'learning.matches.reason.offersThemeYouWant', { theme, level });
    case 'wants_theme_you_offer':
      return t('learning.matches.reason.wantsThemeYouOffer', { theme, level });
    case 'answers_question':
      return t('learning.matches.reason.answersQuestion', { question: p.question ?? '' });
    case 'judged_good_practice':
      return t(p.outcome === 'promising_practice' ? 'learning.matches.reason.judgedPromising' : 'learning.matches.reason.judgedGood');
    default:
      return null;
  }
}

import { useTranslation } from 'react-i18next';
import type { Recognition } from '@/api/types';
import { Badge } from '@/components/ui/badge';
import { formatDate } from '@/lib/format';
import { outcomeTone } from './practice-vocabulary';

/**
 * The label the decision gave a published practice ("Good practice"), with the review round it
 * came from and when: "Spring round 2026, 12 March 2026". The round's name is the programme's own
 * wording and is not translated.
 */
export function RecognitionBadge({ recognition: r, className = 'recognition' }: { recognition: Recognition; className?: string }) {
  const { t, i18n } = useTranslation();
  const date = formatDate(r.decided_at, i18n.language);
  return (
    <p className={className}>
      <Badge tone={outcomeTone(r.label)}>{t(`practices.decision.outcomes.${r.label}`)}</Badge>{' '}
      <span className="recognition-round muted">{r.round ? t('catalogue.recognition.round', { round: r.round.name, date }) : t('catalogue.recognition.decided', { date })}</span>
    </p>
  );
}

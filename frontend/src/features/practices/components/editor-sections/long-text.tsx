import { useTranslation } from 'react-i18next';
import { CountedTextArea } from '@/components/ui/counted-fields';
import { PRACTICE_LIMITS, type LongTextField } from '../practice-draft';
import type { SectionProps } from './section-props';

interface LongTextProps extends Pick<SectionProps, 'draft' | 'set' | 'errorFor'> {
  field: LongTextField;
  id: string;
  label: string;
  guidance?: string;
  neededToSubmit?: boolean;
  hideLabel?: boolean;
}

/** One of the practice's long texts (context, approach, outcomes, …). */
export function LongText({ field, id, label, guidance, neededToSubmit = false, hideLabel = false, draft, set, errorFor }: LongTextProps) {
  const { t } = useTranslation();
  const needed = t('practices.editor.neededTag');
  return (
    <CountedTextArea
      id={id}
      label={label}
      className={hideLabel ? 'field-label-hidden' : undefined}
      hint={[neededToSubmit ? needed : '', guidance ?? ''].filter(Boolean).join(' ') || undefined}
      value={draft[field]}
      max={PRACTICE_LIMITS.longText}
      rows={7}
      error={errorFor(field)}
      onChange={(e) => set(field, e.target.value)}
    />
  );
}

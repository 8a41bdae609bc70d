import { TextAreaField } from '@/components/ui/form-fields';
import { RadioCards } from '@/components/ui/radio-cards';
import { useReviewTranslation } from '@/lib/use-review-translation';
import type { ReviewDraft } from '../review-draft';
import { SCALE_1_5, type ReviewSectionProps } from './section-props';

type DraftFieldProps<K extends keyof ReviewDraft> = Pick<ReviewSectionProps, 'draft' | 'errorFor' | 'update'> & {
  id: string;
  /** The draft value; its label and hint are `form.<draftKey>` and `form.<draftKey>Hint`. */
  draftKey: K;
  /** The API field the value is saved (and reported invalid) under. */
  field: string;
};

/** A free-text part of the review. */
export function DraftTextArea({
  id,
  draftKey,
  field,
  rows,
  maxLength,
  draft,
  update,
}: DraftFieldProps<'strengths' | 'improvements' | 'transferConditions'> & { rows: number; maxLength: number }) {
  const { t } = useReviewTranslation();
  return (
    <TextAreaField
      id={id}
      label={t(`form.${draftKey}`)}
      hint={t(`form.${draftKey}Hint`)}
      rows={rows}
      maxLength={maxLength}
      value={draft[draftKey]}
      onChange={(e) => update(draftKey, e.target.value, field)}
    />
  );
}

/** A required rating from 1 to 5; each option is labelled `form.<levels>.<n>`. */
export function ScaleRadioCards({
  id,
  name,
  levels,
  draftKey,
  field,
  draft,
  errorFor,
  update,
}: DraftFieldProps<'transferRating' | 'confidence'> & { name: string; levels: string }) {
  const { t } = useReviewTranslation();
  const value = draft[draftKey];
  return (
    <RadioCards
      id={id}
      name={name}
      legend={t(`form.${draftKey}`)}
      description={t(`form.${draftKey}Hint`)}
      options={SCALE_1_5.map((v) => ({ value: String(v), label: `${v} – ${t(`form.${levels}.${v}`)}` }))}
      value={value === null ? null : String(value)}
      onChange={(v) => update(draftKey, Number(v), field)}
      required
      layout="row"
      error={errorFor(field)}
    />
  );
}

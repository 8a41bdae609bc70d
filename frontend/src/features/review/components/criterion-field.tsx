import type { Criterion } from '@/api/review-types';
import { TextAreaField } from '@/components/ui/form-fields';
import { RadioCards, type RadioCardOption } from '@/components/ui/radio-cards';
import { useReviewTranslation } from '@/lib/use-review-translation';
import type { ScoreDraft } from './review-draft';

export const NA_VALUE = 'na';

/** The options of a criterion: one per anchored level, plus "Not applicable" where allowed. */
export function criterionOptions(criterion: Criterion, naLabel: string, naDescription: string): RadioCardOption[] {
  const gate = criterion.tier === 'gate';
  const levels = [...criterion.levels].sort((a, b) => (gate ? b.value - a.value : a.value - b.value));
  const options: RadioCardOption[] = levels.map((level) => ({
    value: String(level.value),
    label: gate ? level.label : `${level.value} – ${level.label}`,
    description: level.descriptor,
  }));
  if (criterion.allow_na) options.push({ value: NA_VALUE, label: naLabel, description: naDescription });
  return options;
}

export interface CriterionFieldProps {
  criterion: Criterion;
  score: ScoreDraft;
  onChange: (next: ScoreDraft) => void;
  scoreError?: string;
  commentError?: string;
  disabled?: boolean;
}

/**
 * One criterion of the rubric: its description, the anchored levels as a radio group (arrow keys
 * move between levels, each level's descriptor is its accessible description) and a comment,
 * required for gates.
 */
export function CriterionField({ criterion, score, onChange, scoreError, commentError, disabled }: CriterionFieldProps) {
  const { t } = useReviewTranslation();
  const gate = criterion.tier === 'gate';
  const value = score.na ? NA_VALUE : score.value === null ? null : String(score.value);
  return (
    <div className={`rv-criterion rv-criterion-${criterion.tier}`}>
      <RadioCards
        id={`rv-score-${criterion.key}`}
        name={`score-${criterion.key}`}
        legend={criterion.title}
        description={criterion.description || undefined}
        options={criterionOptions(criterion, t('form.notApplicable'), t('form.notApplicableHint'))}
        value={value}
        onChange={(next) =>
          onChange(next === NA_VALUE ? { ...score, value: null, na: true } : { ...score, value: Number(next), na: false })
        }
        required
        error={scoreError}
        disabled={disabled}
        layout={gate ? 'row' : 'column'}
      />
      <TextAreaField
        id={`rv-comment-${criterion.key}`}
        label={gate ? t('form.gateComment', { criterion: criterion.title }) : t('form.comment', { criterion: criterion.title })}
        hint={gate ? t('form.gateCommentHint') : undefined}
        required={gate}
        rows={gate ? 3 : 2}
        maxLength={5000}
        value={score.comment}
        error={commentError}
        disabled={disabled}
        onChange={(e) => onChange({ ...score, comment: e.target.value })}
      />
    </div>
  );
}

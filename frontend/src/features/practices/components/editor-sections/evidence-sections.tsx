import { useTranslation } from 'react-i18next';
import { CountedTextArea } from '@/components/ui/counted-fields';
import { SelectField } from '@/components/ui/form-fields';
import { EditorSection, StringListField } from '../editor-fields';
import { EDITOR_FIELD_IDS as ids } from '../field-names';
import { PRACTICE_LIMITS as L, type PracticeDraft } from '../practice-draft';
import { EVIDENCE_LEVELS } from '../practice-vocabulary';
import { LongText } from './long-text';
import type { SectionProps } from './section-props';

/** Evidence and results: how well it is known to work, and what came of it. */
export function EvidenceSections({ ...fields }: SectionProps) {
  const { t } = useTranslation();
  const { draft, set, errorFor, requestFocus } = fields;
  const needed = t('practices.editor.neededTag');
  return (
    <>
      <EditorSection id="editor-evidence" title={t('practices.sections.evidence')} guidance={t('practices.editor.guidance.evidence')}>
        <SelectField
          id={ids['evidence.level']}
          label={t('practices.fields.evidenceLevel')}
          hint={needed}
          value={draft.evidence_level}
          error={errorFor('evidence.level')}
          onChange={(e) => set('evidence_level', e.target.value as PracticeDraft['evidence_level'])}
        >
          <option value="">{t('forms.choose')}</option>
          {EVIDENCE_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`practices.evidence.${level}`)} — {t(`practices.evidenceHint.${level}`)}
            </option>
          ))}
        </SelectField>
        <CountedTextArea
          id={ids['evidence.description']}
          label={t('practices.fields.evidenceDescription')}
          hint={t('practices.editor.guidance.evidenceDescription')}
          value={draft.evidence_description}
          max={L.evidenceDescription}
          rows={4}
          error={errorFor('evidence.description')}
          onChange={(e) => set('evidence_description', e.target.value)}
        />
        <StringListField
          id={ids['evidence.indicators']}
          legend={t('practices.fields.indicators')}
          hint={t('practices.editor.guidance.indicators')}
          items={draft.indicators}
          onChange={(v) => set('indicators', v)}
          maxItems={L.indicators}
          maxLength={L.indicator}
          itemLabel={(i) => t('practices.fields.indicatorN', { n: i + 1 })}
          addLabel={t('practices.editor.addIndicator')}
          itemErrors={(i) => errorFor(`evidence.indicators[${i}]`)}
          error={errorFor('evidence.indicators')}
          requestFocus={requestFocus}
        />
      </EditorSection>

      <EditorSection id="editor-outcomes" title={t('practices.editor.sections.results')} guidance={t('practices.editor.guidance.results')}>
        <LongText {...fields} field="outcomes" id={ids.outcomes} label={t('practices.sections.outcomes')} guidance={t('practices.editor.guidance.outcomes')} />
        <LongText {...fields} field="transferability" id={ids.transferability} label={t('practices.sections.transferability')} guidance={t('practices.editor.guidance.transferability')} />
        <LongText {...fields} field="lessons_learned" id={ids.lessons_learned} label={t('practices.sections.lessonsLearned')} guidance={t('practices.editor.guidance.lessons')} />
      </EditorSection>
    </>
  );
}

import { useTranslation } from 'react-i18next';
import type { Programme } from '@/api/types';
import { keyedTitle } from '@/lib/vocabulary';
import { CountedTextArea, CountedTextField } from '@/components/ui/counted-fields';
import { CountrySelect } from '@/components/ui/country-select';
import { CheckboxGroup, SelectField } from '@/components/ui/form-fields';
import { languageName } from '@/lib/format';
import { EditorSection } from '../editor-fields';
import { EDITOR_FIELD_IDS as ids } from '../field-names';
import { PRACTICE_LIMITS as L } from '../practice-draft';
import { PRACTICE_LANGUAGES } from '../practice-vocabulary';
import { CallChoice } from '../call-choice';
import type { SectionProps } from './section-props';

/**
 * Title, summary, language, country, themes and target groups, and the call the practice answers
 * (chosen only while it is a draft: `callEditable`).
 */
export function BasicsSection({ programme, callEditable, ...fields }: SectionProps & { programme: Programme; callEditable: boolean }) {
  const { t } = useTranslation();
  const { draft, set, errorFor } = fields;
  const { i18n } = useTranslation();
  const needed = t('practices.editor.neededTag');
  const otherLanguages = PRACTICE_LANGUAGES.filter((l) => !programme.languages.includes(l));
  const langLabel = (code: string) => `${languageName(code, i18n.language)} (${code})`;
  return (
    <>
      <EditorSection id="editor-basics" title={t('practices.editor.sections.basics')} guidance={t('practices.editor.guidance.basics')}>
        <CountedTextField
          id={ids.title}
          label={t('fields.title')}
          required
          value={draft.title}
          max={L.title}
          error={errorFor('title')}
          onChange={(e) => set('title', e.target.value)}
        />
        <CountedTextArea
          id={ids.summary}
          label={t('practices.fields.summary')}
          hint={`${needed} ${t('practices.editor.guidance.summary')}`}
          value={draft.summary}
          max={L.summary}
          rows={3}
          error={errorFor('summary')}
          onChange={(e) => set('summary', e.target.value)}
        />
        <div className="field-row">
          <SelectField
            id={ids.language}
            label={t('practices.fields.originalLanguage')}
            hint={t('practices.editor.guidance.language')}
            required
            value={draft.language}
            error={errorFor('language')}
            onChange={(e) => set('language', e.target.value)}
          >
            {programme.languages.length > 0 && (
              <optgroup label={t('practices.editor.programmeLanguages')}>
                {programme.languages.map((l) => (
                  <option key={l} value={l}>
                    {langLabel(l)}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={t('practices.editor.otherLanguages')}>
              {otherLanguages.map((l) => (
                <option key={l} value={l}>
                  {langLabel(l)}
                </option>
              ))}
              {draft.language && !programme.languages.includes(draft.language) && !otherLanguages.includes(draft.language as never) && (
                <option value={draft.language}>{langLabel(draft.language)}</option>
              )}
            </optgroup>
          </SelectField>
          <CountrySelect
            id={ids.country}
            label={t('fields.country')}
            hint={t('practices.editor.guidance.country')}
            value={draft.country}
            error={errorFor('country')}
            onChange={(e) => set('country', e.target.value)}
          />
        </div>
        {programme.themes.length > 0 && (
          <CheckboxGroup
            id={ids.themes}
            name="themes"
            label={t('fields.themes')}
            hint={`${needed} ${t('practices.editor.guidance.themes')}`}
            options={programme.themes.map((th) => ({ value: th.key, label: keyedTitle(th, i18n.language) }))}
            value={draft.themes}
            onChange={(v) => set('themes', v)}
            error={errorFor('themes')}
          />
        )}
        {programme.target_groups.length > 0 && (
          <CheckboxGroup
            id={ids.target_groups}
            name="target_groups"
            label={t('fields.targetGroups')}
            options={programme.target_groups.map((g) => ({ value: g.key, label: keyedTitle(g, i18n.language) }))}
            value={draft.target_groups}
            onChange={(v) => set('target_groups', v)}
            error={errorFor('target_groups')}
          />
        )}
        <CallChoice
          programmeId={programme.id}
          value={draft.call_id}
          editable={callEditable}
          error={errorFor('call_id')}
          onChange={(v) => set('call_id', v)}
        />
      </EditorSection>
    </>
  );
}

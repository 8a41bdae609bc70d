import { useTranslation } from 'react-i18next';
import { CountedTextField } from '@/components/ui/counted-fields';
import { EditorSection, LinksField, StringListField } from '../editor-fields';
import { EDITOR_FIELD_IDS as ids } from '../field-names';
import { PRACTICE_LIMITS as L } from '../practice-draft';
import type { SectionProps } from './section-props';

/** Learning questions, links and contact: what others can ask and where. */
export function ExchangeSections({ ...fields }: SectionProps) {
  const { t } = useTranslation();
  const { draft, set, errorFor, requestFocus } = fields;
  const needed = t('practices.editor.neededTag');
  return (
    <>
      <EditorSection id="editor-questions" title={t('practices.sections.learningQuestions')} guidance={t('practices.editor.guidance.questions')}>
        <StringListField
          id={ids.learning_questions}
          className="legend-hidden"
          legend={t('practices.sections.learningQuestions')}
          items={draft.learning_questions}
          onChange={(v) => set('learning_questions', v)}
          maxItems={L.learningQuestions}
          maxLength={L.learningQuestion}
          itemLabel={(i) => t('practices.fields.questionN', { n: i + 1 })}
          addLabel={t('practices.editor.addQuestion')}
          itemErrors={(i) => errorFor(`learning_questions[${i}]`)}
          error={errorFor('learning_questions')}
          requestFocus={requestFocus}
          multiline
        />
      </EditorSection>

      <EditorSection id="editor-links" title={t('practices.sections.links')} guidance={t('practices.editor.guidance.links')}>
        <LinksField id={ids.links} links={draft.links} onChange={(v) => set('links', v)} errorFor={errorFor} requestFocus={requestFocus} />
      </EditorSection>

      <EditorSection id="editor-contact" title={t('practices.sections.contact')} guidance={t('practices.editor.guidance.contact')}>
        <div className="field-row">
          <CountedTextField
            id={ids['contact.name']}
            label={t('practices.fields.contactName')}
            hint={needed}
            autoComplete="name"
            value={draft.contact_name}
            max={L.contactName}
            error={errorFor('contact.name')}
            onChange={(e) => set('contact_name', e.target.value)}
          />
          <CountedTextField
            id={ids['contact.email']}
            label={t('practices.fields.contactEmail')}
            hint={needed}
            type="email"
            autoComplete="email"
            inputMode="email"
            value={draft.contact_email}
            max={L.email}
            error={errorFor('contact.email')}
            onChange={(e) => set('contact_email', e.target.value)}
          />
        </div>
      </EditorSection>
    </>
  );
}

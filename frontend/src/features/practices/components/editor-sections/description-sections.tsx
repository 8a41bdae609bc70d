import { useTranslation } from 'react-i18next';
import { EditorSection } from '../editor-fields';
import { EDITOR_FIELD_IDS as ids } from '../field-names';
import { LongText } from './long-text';
import type { SectionProps } from './section-props';

/** Context and approach: what the practice answers and how it works. */
export function DescriptionSections(fields: SectionProps) {
  const { t } = useTranslation();
  return (
    <>
      <EditorSection id="editor-context" title={t('practices.sections.context')} guidance={t('practices.editor.guidance.context')}>
        <LongText {...fields} field="context" id={ids.context} label={t('practices.sections.context')} neededToSubmit hideLabel />
      </EditorSection>

      <EditorSection id="editor-approach" title={t('practices.sections.approach')} guidance={t('practices.editor.guidance.approach')}>
        <LongText {...fields} field="approach" id={ids.approach} label={t('practices.sections.approach')} neededToSubmit hideLabel />
      </EditorSection>
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/ui/form-fields';
import { CountedTextArea } from '@/components/ui/counted-fields';
import { EditorSection, ProductsEditor } from '../editor-fields';
import { EDITOR_FIELD_IDS as ids } from '../field-names';
import { PRACTICE_LIMITS as L } from '../practice-draft';
import type { SectionProps } from './section-props';

/** The scale of the practice: draft value, API field and the name of its label and guidance. */
const SCALE_FIELDS = [
  { key: 'participants', path: 'scale.participants', name: 'participants' },
  { key: 'sites', path: 'scale.sites', name: 'sites' },
  { key: 'since_year', path: 'scale.since_year', name: 'sinceYear' },
] as const;

/** Products and resources: what the practice made and what it took. */
export function DeliverySections({ announce, ...fields }: SectionProps & { announce: (message: string) => void }) {
  const { t } = useTranslation();
  const { draft, set, errorFor, requestFocus } = fields;
  return (
    <>
      <EditorSection id="editor-products" title={t('practices.sections.products')} guidance={t('practices.editor.guidance.products')}>
        <ProductsEditor
          id={ids.products}
          products={draft.products}
          onChange={(products) => set('products', products)}
          errorFor={errorFor}
          requestFocus={requestFocus}
          announce={announce}
        />
      </EditorSection>

      <EditorSection id="editor-resources" title={t('practices.sections.resources')} guidance={t('practices.editor.guidance.resources')}>
        <CountedTextArea
          id={ids.resources}
          label={t('practices.fields.resources')}
          hint={t('practices.editor.guidance.resourcesField')}
          value={draft.resources}
          max={L.resources}
          rows={4}
          error={errorFor('resources')}
          onChange={(e) => set('resources', e.target.value)}
        />
        <div className="field-row field-row-numbers">
          {SCALE_FIELDS.map(({ key, path, name }) => (
            <NumberField
              key={key}
              id={ids[path]}
              label={t(`practices.fields.${name}`)}
              hint={t(`practices.editor.guidance.${name}`)}
              value={draft[key]}
              error={errorFor(path)}
              onChange={(v) => set(key, v)}
            />
          ))}
        </div>
      </EditorSection>
    </>
  );
}

function NumberField({
  id,
  label,
  hint,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextField id={id} label={label} hint={hint} inputMode="numeric" autoComplete="off" value={value} error={error} onChange={(e) => onChange(e.target.value)} />
  );
}

import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PracticeSubmitField } from '@/api/types';
import { describeFieldPath, editorFieldId } from './field-names';
import { isFilledIn, type PracticeDraft } from './practice-draft';

/**
 * Every field submitting needs, in the editor's order. The server names them (`missing` on the
 * practice, `practice_incomplete` on submit; `PracticeSubmitField` in api/openapi.yaml); the type
 * check below fails the build when the server gains a rule this list lacks.
 */
export const SUBMIT_FIELDS = ['summary', 'themes', 'context', 'approach', 'evidence.level', 'contact.name', 'contact.email'] as const satisfies readonly PracticeSubmitField[];
type Unlisted = Exclude<PracticeSubmitField, (typeof SUBMIT_FIELDS)[number]>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

/** The checklist's phrase for each field (`practices.editor.checklist.items.<key>`). */
const ITEM_KEYS: Record<PracticeSubmitField, string> = {
  summary: 'summary',
  themes: 'themes',
  context: 'context',
  approach: 'approach',
  'evidence.level': 'evidenceLevel',
  'contact.name': 'contactName',
  'contact.email': 'contactEmail',
};

/**
 * What submitting still needs, as the author types: each field of the server's rules judged on
 * the draft, plus whatever else the server said was missing at the last save (a rule the editor
 * cannot judge keeps showing until the server drops it).
 */
export function missingToSubmit(draft: PracticeDraft, serverMissing: readonly string[] = []): string[] {
  const live: string[] = SUBMIT_FIELDS.filter((f) => !isFilledIn(draft, f));
  const known: readonly string[] = SUBMIT_FIELDS;
  return [...live, ...serverMissing.filter((f) => !known.includes(f))];
}

/** Moves focus to a field's control (a group of checkboxes: its first box) and brings it into view. */
export function focusEditorField(field: string): boolean {
  const id = editorFieldId(field);
  let el = id ? document.getElementById(id) : null;
  if (el?.tagName === 'FIELDSET') el = el.querySelector<HTMLElement>('input, select, textarea') ?? el;
  if (!el) return false;
  el.scrollIntoView?.({ block: 'center' });
  el.focus();
  return true;
}

/**
 * The editor's completeness checklist, next to the form: what submitting needs and what is still
 * missing, updated as the author types, each item a link that moves focus to its field.
 */
export function SubmitChecklist({ missing }: { missing: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const total = SUBMIT_FIELDS.length + missing.filter((f) => !(SUBMIT_FIELDS as readonly string[]).includes(f)).length;
  const label = (field: string) =>
    field in ITEM_KEYS ? t(`practices.editor.checklist.items.${ITEM_KEYS[field as PracticeSubmitField]}`) : describeFieldPath(field, t, i18n.language);
  const go = (e: MouseEvent, field: string) => {
    if (focusEditorField(field)) e.preventDefault();
  };
  return (
    <section className="submit-checklist" aria-labelledby="submit-checklist-title">
      <h2 id="submit-checklist-title" className="h3">
        {t('practices.editor.checklist.title')}
      </h2>
      <p id="submit-checklist-status" className="muted" aria-live="polite">
        {missing.length === 0 ? t('practices.editor.checklist.complete') : t('practices.editor.checklist.progress', { done: total - missing.length, total })}
      </p>
      {missing.length > 0 && (
        <ul className="submit-checklist-items">
          {missing.map((field) => (
            <li key={field}>
              <a href={`#${editorFieldId(field) ?? ''}`} onClick={(e) => go(e, field)}>
                {label(field)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

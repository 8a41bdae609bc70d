import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/form-fields';
import { newIdempotencyKey } from '@/lib/idempotency';
import { slugKey } from '@/lib/format';
import { limits, patterns } from '@/lib/validation';
import type { TFunction } from 'i18next';

export interface KeyedRow {
  /** Local identity for React; never sent. */
  rowId: string;
  key: string;
  title: string;
  /** The title in other languages, edited with the programme's translations. */
  titles: Record<string, string>;
  /** The key was typed by hand (or already exists): stop deriving it from the title. */
  keyLocked: boolean;
}

export interface KeyedRowErrors {
  key?: string;
  title?: string;
}

export function newKeyedRow(): KeyedRow {
  return { rowId: newIdempotencyKey(), key: '', title: '', titles: {}, keyLocked: false };
}

export function toKeyedRows(items: { key: string; title: string; titles?: Record<string, string> }[] | undefined): KeyedRow[] {
  return (items ?? []).map((i) => ({ rowId: newIdempotencyKey(), key: i.key, title: i.title, titles: { ...i.titles }, keyLocked: true }));
}

/** A row as the API takes it: trimmed, with only the translated titles that say something. */
export function fromKeyedRow({ key, title, titles }: KeyedRow): { key: string; title: string; titles: Record<string, string> } {
  const kept = Object.fromEntries(Object.entries(titles).filter(([, v]) => v.trim()).map(([k, v]) => [k, v.trim()]));
  return { key, title: title.trim(), titles: kept };
}

/** Checks rows as the contract does: key `^[a-z0-9_]{1,40}$`, unique; title 1–200 characters. */
export function validateKeyedRows(rows: KeyedRow[], t: TFunction): { message?: string; rows: KeyedRowErrors[] } {
  const seen = new Set<string>();
  const rowErrors = rows.map((row): KeyedRowErrors => {
    const e: KeyedRowErrors = {};
    if (!row.title.trim()) e.title = t('validation.required');
    else if (row.title.length > limits.nameMax) e.title = t('validation.maxLength', { max: limits.nameMax });
    if (!patterns.keyedKey.test(row.key)) e.key = t('validation.key');
    else if (seen.has(row.key)) e.key = t('validation.duplicateKey');
    seen.add(row.key);
    return e;
  });
  const invalid = rowErrors.filter((e) => e.key || e.title).length;
  let message: string | undefined;
  if (rows.length > limits.keyedMax) message = t('validation.maxItems', { max: limits.keyedMax });
  else if (invalid) message = t('validation.rowsInvalid', { count: invalid });
  return { message, rows: rowErrors };
}

interface KeyedRowsFieldProps {
  legend: string;
  /** Names one row for screen readers, e.g. "Theme 2". */
  itemLabel: (index: number) => string;
  addLabel: string;
  rows: KeyedRow[];
  onChange: (rows: KeyedRow[]) => void;
  error?: string;
  rowErrors?: KeyedRowErrors[];
  hint?: string;
}

/** Editable list of {key, title} rows (themes, target groups). */
export function KeyedRowsField({ legend, itemLabel, addLabel, rows, onChange, error, rowErrors = [], hint }: KeyedRowsFieldProps) {
  const { t } = useTranslation();
  const baseId = `k${useId().replace(/:/g, '')}`;
  const update = (index: number, patch: Partial<KeyedRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <fieldset
      className="field fieldset keyed-rows"
      aria-describedby={[hint ? `${baseId}-hint` : '', error ? `${baseId}-error` : ''].filter(Boolean).join(' ') || undefined}
      aria-invalid={error ? true : undefined}
      tabIndex={error ? -1 : undefined}
    >
      <legend className="field-label">{legend}</legend>
      {hint && (
        <p id={`${baseId}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {rows.length === 0 && <p className="muted">{t('programmes.form.noRows')}</p>}
      <ol className="keyed-rows-list">
        {rows.map((row, index) => (
          <li key={row.rowId} className="keyed-row">
            <fieldset className="keyed-row-fields">
              <legend className="visually-hidden">{itemLabel(index)}</legend>
              <TextField
                id={`${baseId}-${index}-title`}
                label={t('fields.title')}
                required
                value={row.title}
                maxLength={limits.nameMax}
                error={rowErrors[index]?.title}
                onChange={(e) => {
                  const title = e.target.value;
                  update(index, row.keyLocked ? { title } : { title, key: slugKey(title) });
                }}
              />
              <TextField
                id={`${baseId}-${index}-key`}
                label={t('fields.key')}
                required
                className="field-key"
                value={row.key}
                maxLength={40}
                spellCheck={false}
                autoCapitalize="none"
                error={rowErrors[index]?.key}
                onChange={(e) => update(index, { key: e.target.value, keyLocked: true })}
              />
              <Button
                variant="ghost"
                size="sm"
                className="keyed-row-remove"
                aria-label={t('programmes.form.removeRow', { item: itemLabel(index) })}
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
              >
                {t('actions.remove')}
              </Button>
            </fieldset>
          </li>
        ))}
      </ol>
      {error && (
        <p id={`${baseId}-error`} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <Button size="sm" onClick={() => onChange([...rows, newKeyedRow()])} disabled={rows.length >= limits.keyedMax}>
        <span aria-hidden="true">+ </span>
        {addLabel}
      </Button>
    </fieldset>
  );
}

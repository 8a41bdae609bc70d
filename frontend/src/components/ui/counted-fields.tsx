import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField, type TextAreaFieldProps, type TextFieldProps } from '@/components/ui/form-fields';

/** Shown from 80 % of the limit on: how many characters are left, or how many are too many. */
export function CharCount({ length, max }: { length: number; max: number }) {
  const { t, i18n } = useTranslation();
  if (length < max * 0.8) return null;
  const over = length > max;
  const count = Math.abs(max - length);
  const formatted = new Intl.NumberFormat(i18n.language).format(count);
  return (
    <span className={over ? 'char-count char-count-over' : 'char-count'}>
      {over ? t('practices.editor.charsOver', { count, formatted }) : t('practices.editor.charsLeft', { count, formatted })}
    </span>
  );
}

function hintWithCount(hint: ReactNode, length: number, max: number): ReactNode {
  const counter = length >= max * 0.8 ? <CharCount length={length} max={max} /> : null;
  if (!hint && !counter) return undefined;
  return (
    <>
      {hint}
      {hint && counter ? ' ' : null}
      {counter}
    </>
  );
}

/**
 * Text inputs with a soft limit: the limit is checked, not enforced by `maxLength`, so pasted text
 * is never cut off silently; a counter appears near the limit.
 */
export function CountedTextField({ max, hint, value, ...rest }: TextFieldProps & { max: number; value: string }) {
  return <TextField {...rest} value={value} hint={hintWithCount(hint, value.length, max)} />;
}

export function CountedTextArea({ max, hint, value, rows = 6, ...rest }: TextAreaFieldProps & { max: number; value: string }) {
  return <TextAreaField {...rest} rows={rows} value={value} hint={hintWithCount(hint, value.length, max)} />;
}

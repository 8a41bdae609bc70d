import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';

export interface StringListFieldProps {
  /** Field id (a server error can point focus at the input). */
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  /** Label of the text box for a new item. */
  inputLabel: string;
  addLabel: string;
  items: string[];
  onChange: (items: string[]) => void;
  maxItems: number;
  maxLength: number;
  error?: string;
  emptyText?: string;
}

/**
 * A list of short texts to add and remove (what hinders, what helps). Enter adds; after a removal
 * focus moves to the next item's remove button, or back to the text box; every change is
 * announced.
 */
export function StringListField({
  id,
  legend,
  hint,
  inputLabel,
  addLabel,
  items,
  onChange,
  maxItems,
  maxLength,
  error,
  emptyText,
}: StringListFieldProps) {
  const { t } = useTranslation('exchange');
  const [text, setText] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const generated = useId().replace(/:/g, '');
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const shownError = localError ?? error;

  const add = () => {
    const value = text.trim();
    if (!value) {
      setLocalError(t('validation.required'));
      inputRef.current?.focus();
      return;
    }
    if (value.length > maxLength) {
      setLocalError(t('validation.maxLength', { max: maxLength }));
      return;
    }
    if (items.length >= maxItems) {
      setLocalError(t('validation.maxItems', { max: maxItems }));
      return;
    }
    if (items.some((item) => item.toLocaleLowerCase() === value.toLocaleLowerCase())) {
      setLocalError(t('lists.duplicate'));
      return;
    }
    onChange([...items, value]);
    setText('');
    setLocalError(null);
    setStatus(t('lists.added', { item: value }));
    inputRef.current?.focus();
  };

  const remove = (index: number) => {
    const removed = items[index];
    const next = items.filter((_, i) => i !== index);
    onChange(next);
    setStatus(t('lists.removed', { item: removed }));
    // Focus the button that now sits where the removed one was, else the text box.
    window.requestAnimationFrame(() => {
      const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button');
      const target = buttons?.[Math.min(index, next.length - 1)];
      if (target && next.length > 0) target.focus();
      else inputRef.current?.focus();
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };

  return (
    <fieldset className="field fieldset string-list-field" aria-describedby={[hint ? hintId : '', shownError ? errorId : ''].filter(Boolean).join(' ') || undefined}>
      <legend className="field-label">{legend}</legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {items.length === 0 ? (
        emptyText && <p className="muted string-list-empty">{emptyText}</p>
      ) : (
        <ul className="string-list-chips" ref={listRef}>
          {items.map((item, index) => (
            <li key={`${item}-${index}`} className="string-list-chip">
              <span>{item}</span>
              <Button
                size="sm"
                variant="ghost"
                className="btn-icon"
                aria-label={t('lists.remove', { item })}
                onClick={() => remove(index)}
              >
                <span aria-hidden="true">×</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="string-list-add">
        <label htmlFor={id} className="visually-hidden">
          {inputLabel}
        </label>
        <input
          id={id}
          ref={inputRef}
          className="input"
          value={text}
          placeholder={inputLabel}
          maxLength={maxLength + 50}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={shownError ? errorId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setLocalError(null);
          }}
          onKeyDown={onKeyDown}
          name={`${generated}-new`}
        />
        <Button onClick={add}>
          <span aria-hidden="true">+ </span>
          {addLabel}
        </Button>
      </div>
      {shownError && (
        <p id={errorId} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {shownError}
        </p>
      )}
      <div role="status" aria-live="polite" className="visually-hidden">
        {status}
      </div>
    </fieldset>
  );
}

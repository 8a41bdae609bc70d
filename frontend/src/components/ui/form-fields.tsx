import {
  useEffect,
  useId,
  useRef,
  type ComponentPropsWithRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
} from 'react';
import { useTranslation } from 'react-i18next';

interface FieldChrome {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
}

function useFieldIds(id?: string) {
  const generated = useId();
  const fieldId = id ?? `f${generated.replace(/:/g, '')}`;
  return { fieldId, hintId: `${fieldId}-hint`, errorId: `${fieldId}-error` };
}

function describedBy(hintId: string, errorId: string, hint: unknown, error: unknown, extra?: string): string | undefined {
  const ids = [hint ? hintId : '', error ? errorId : '', extra ?? ''].filter(Boolean).join(' ');
  return ids || undefined;
}

/** The asterisk is decoration; the `required` attribute tells assistive technology. */
function RequiredMark() {
  return (
    <span className="required-mark" aria-hidden="true">
      *
    </span>
  );
}

function FieldMessages({ hint, error, hintId, errorId }: { hint?: ReactNode; error?: string; hintId: string; errorId: string }) {
  return (
    <>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </>
  );
}

export type TextFieldProps = FieldChrome & Omit<ComponentPropsWithRef<'input'>, 'required'>;

export function TextField({ label, hint, error, required, id, className, ...input }: TextFieldProps) {
  const { fieldId, hintId, errorId } = useFieldIds(id);
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={fieldId} className="field-label">
        {label}
        {required && <RequiredMark />}
      </label>
      <input
        id={fieldId}
        className="input"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId, hint, error, input['aria-describedby'])}
        {...input}
      />
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  );
}

export type TextAreaFieldProps = FieldChrome & Omit<ComponentPropsWithRef<'textarea'>, 'required'>;

export function TextAreaField({ label, hint, error, required, id, className, ...area }: TextAreaFieldProps) {
  const { fieldId, hintId, errorId } = useFieldIds(id);
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={fieldId} className="field-label">
        {label}
        {required && <RequiredMark />}
      </label>
      <textarea
        id={fieldId}
        className="input textarea"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId, hint, error)}
        {...area}
      />
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  );
}

export type SelectFieldProps = FieldChrome & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'required'> & { children: ReactNode };

export function SelectField({ label, hint, error, required, id, className, children, ...select }: SelectFieldProps) {
  const { fieldId, hintId, errorId } = useFieldIds(id);
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={fieldId} className="field-label">
        {label}
        {required && <RequiredMark />}
      </label>
      <select
        id={fieldId}
        className="input select"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId, hint, error)}
        {...select}
      >
        {children}
      </select>
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  );
}

export type CheckboxFieldProps = Omit<FieldChrome, 'required'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>;

export function CheckboxField({ label, hint, error, id, className, ...input }: CheckboxFieldProps) {
  const { fieldId, hintId, errorId } = useFieldIds(id);
  return (
    <div className={`field field-checkbox ${className ?? ''}`}>
      <input
        id={fieldId}
        type="checkbox"
        className="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId, hint, error)}
        {...input}
      />
      <label htmlFor={fieldId}>{label}</label>
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  );
}

export interface CheckboxGroupProps<V extends string> extends FieldChrome {
  options: readonly { value: V; label: ReactNode; hint?: ReactNode }[];
  value: readonly V[];
  onChange: (value: V[]) => void;
  name: string;
  id?: string;
  disabled?: boolean;
}

/** A set of checkboxes in a fieldset; the legend names the group, errors are linked to it. */
export function CheckboxGroup<V extends string>({
  label,
  hint,
  error,
  required,
  options,
  value,
  onChange,
  name,
  id,
  disabled,
}: CheckboxGroupProps<V>) {
  const { fieldId, hintId, errorId } = useFieldIds(id);
  const toggle = (option: V, checked: boolean) => {
    const next = checked ? [...value, option] : value.filter((v) => v !== option);
    // Keep the options' order, whatever the click order.
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <fieldset
      id={fieldId}
      className="field fieldset"
      aria-describedby={describedBy(hintId, errorId, hint, error)}
      aria-required={required || undefined}
      aria-invalid={error ? true : undefined}
      tabIndex={error ? -1 : undefined}
    >
      <legend className="field-label">
        {label}
        {required && <RequiredMark />}
      </legend>
      <div className="checkbox-options">
        {options.map((option, index) => {
          const optionId = `${fieldId}-${index}`;
          return (
            <div className="checkbox-option" key={option.value}>
              <input
                id={optionId}
                type="checkbox"
                className="checkbox"
                name={name}
                value={option.value}
                checked={value.includes(option.value)}
                disabled={disabled}
                onChange={(e) => toggle(option.value, e.target.checked)}
              />
              <label htmlFor={optionId}>
                {option.label}
                {option.hint && <span className="checkbox-hint">{option.hint}</span>}
              </label>
            </div>
          );
        })}
      </div>
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </fieldset>
  );
}

/** The form-level message, announced to screen readers as soon as it appears. */
export function FormAlert({ message, tone = 'error' }: { message?: string | null; tone?: 'error' | 'success' }) {
  return (
    <div role="alert" className={message ? `alert alert-${tone}` : 'alert-empty'}>
      {message}
    </div>
  );
}

export function RequiredNote() {
  const { t } = useTranslation();
  return (
    <p className="required-note">
      <span aria-hidden="true">*</span> {t('forms.requiredNote')}
    </p>
  );
}

export function FormActions({ children }: { children: ReactNode }) {
  return <div className="form-actions">{children}</div>;
}

/**
 * A notice above a form that was re-initialised, e.g. after someone else's change (412): it is
 * announced, scrolled into view and focused, since the control the user was on is gone.
 */
export function FormNotice({ message }: { message?: string | null }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!message || !ref.current) return;
    ref.current.scrollIntoView?.({ block: 'nearest' });
    ref.current.focus();
  }, [message]);
  if (!message) return null;
  return (
    <p ref={ref} role="alert" tabIndex={-1} className="alert alert-warning">
      {message}
    </p>
  );
}

import { useId, type ReactNode } from 'react';

export interface RadioCardOption {
  value: string;
  /** The option's name (read first by screen readers). */
  label: ReactNode;
  /** A longer explanation shown under the label, given as the radio's accessible description. */
  description?: ReactNode;
}

export interface RadioCardsProps {
  /** The id of the group (a field error can point focus at it). */
  id?: string;
  name: string;
  legend: ReactNode;
  /** Text about the whole group (e.g. a criterion's description), linked to it. */
  description?: ReactNode;
  options: readonly RadioCardOption[];
  value: string | null;
  onChange: (value: string) => void;
  required?: boolean;
  error?: string;
  disabled?: boolean;
  /** Lay the options out in a row (short scales) instead of a column. */
  layout?: 'row' | 'column';
  className?: string;
  /** Extra content in the fieldset after the options (e.g. a comment field). */
  children?: ReactNode;
}

/**
 * A radio group whose options are cards with a label and a descriptor. Native radio inputs, so
 * the arrow keys move between options and Tab leaves the group; each option is named by its
 * label and described by its descriptor; the group is named by its legend.
 */
export function RadioCards({
  id,
  name,
  legend,
  description,
  options,
  value,
  onChange,
  required,
  error,
  disabled,
  layout = 'column',
  className,
  children,
}: RadioCardsProps) {
  const generated = useId().replace(/:/g, '');
  const groupId = id ?? `rg${generated}`;
  const legendId = `${groupId}-legend`;
  const descId = `${groupId}-desc`;
  const errorId = `${groupId}-error`;
  const groupDescribedBy = [description ? descId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      id={groupId}
      role="radiogroup"
      aria-labelledby={legendId}
      aria-describedby={groupDescribedBy}
      aria-required={required || undefined}
      aria-invalid={error ? true : undefined}
      className={`field fieldset radio-cards ${className ?? ''}`}
      disabled={disabled}
    >
      <legend id={legendId} className="field-label">
        {legend}
        {required && (
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        )}
      </legend>
      {description && (
        <p id={descId} className="field-hint">
          {description}
        </p>
      )}
      <div className={`radio-cards-options radio-cards-${layout}`}>
        {options.map((option) => {
          const optionId = `${groupId}-${option.value}`;
          const checked = value === option.value;
          const describedBy = [option.description ? `${optionId}-desc` : '', error ? errorId : ''].filter(Boolean).join(' ');
          return (
            <label key={option.value} htmlFor={optionId} className={`radio-card${checked ? ' radio-card-checked' : ''}`}>
              <input
                id={optionId}
                type="radio"
                className="radio-card-input"
                name={name}
                value={option.value}
                checked={checked}
                onChange={() => onChange(option.value)}
                aria-labelledby={`${optionId}-label`}
                aria-describedby={describedBy || undefined}
                aria-invalid={error ? true : undefined}
              />
              <span className="radio-card-text">
                <span id={`${optionId}-label`} className="radio-card-label">
                  {option.label}
                </span>
                {option.description && (
                  <span id={`${optionId}-desc`} className="radio-card-desc">
                    {option.description}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
      {error && (
        <p id={errorId} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      {children}
    </fieldset>
  );
}

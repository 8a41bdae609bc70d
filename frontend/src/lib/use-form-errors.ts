import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, mapFieldErrors } from '@/api/errors';
import { describeError, describeFieldError } from './describe-error';

const NO_ALIASES = {};

/** Conflict codes that concern one field of the form. */
const CONFLICT_FIELDS: Record<string, string> = {
  email_taken: 'email',
};

/**
 * Error state for one form: field errors (shown under each field and linked with
 * aria-describedby), one form-level message (announced through role="alert"), and focus moved
 * to the first invalid field whenever a submission fails.
 */
export function useFormErrors<F extends string, E extends HTMLElement = HTMLFormElement>(
  fieldNames: readonly F[],
  aliases: Partial<Record<string, F>> = NO_ALIASES,
) {
  const { t } = useTranslation();
  const formRef = useRef<E>(null);
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (!focusRequest) return;
    const firstInvalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    firstInvalid?.focus();
  }, [focusRequest]);

  /** Shows client-side validation errors; returns true when there are none. */
  const validate = useCallback(
    (found: Partial<Record<F, string>>): boolean => {
      const count = Object.values(found).filter(Boolean).length;
      setErrors(found);
      if (count === 0) {
        setFormError(null);
        return true;
      }
      setFormError(t('forms.fixErrors', { count }));
      setFocusRequest((n) => n + 1);
      return false;
    },
    [t],
  );

  /** Shows a failed request: field errors where the form has the field, a message otherwise. */
  const showServerError = useCallback(
    (error: unknown, messageOverride?: string) => {
      // A conflict about one field (e.g. the e-mail address is taken) is shown on that field.
      const conflictField = isApiError(error) ? CONFLICT_FIELDS[error.code] : undefined;
      if (conflictField && (fieldNames as readonly string[]).includes(conflictField) && !messageOverride) {
        setErrors({ [conflictField]: describeError(error, t) } as Partial<Record<F, string>>);
        setFormError(t('forms.fixErrors', { count: 1 }));
        setFocusRequest((n) => n + 1);
        return;
      }
      if (isApiError(error) && error.fieldErrors.length > 0) {
        const { fields, unmatched } = mapFieldErrors(error, fieldNames, aliases, (fe) => describeFieldError(fe, t));
        setErrors(fields);
        const extra = unmatched.map((u) => describeFieldError(u, t)).join(' ');
        const count = Object.keys(fields).length;
        setFormError(
          messageOverride ??
            ([count > 0 ? t('forms.fixErrors', { count }) : error.detail || error.title, extra].filter(Boolean).join(' ') ||
              describeError(error, t)),
        );
        setFocusRequest((n) => n + 1);
        return;
      }
      setErrors({});
      setFormError(messageOverride ?? describeError(error, t));
    },
    [t, fieldNames, aliases],
  );

  const clearError = useCallback((field: F) => {
    setErrors((prev) => {
      if (!prev[field]) return prev;
      const next = { ...prev };
      delete next[field];
      return next;
    });
  }, []);

  const reset = useCallback(() => {
    setErrors({});
    setFormError(null);
  }, []);

  return { formRef, errors, formError, setFormError, validate, showServerError, clearError, reset };
}

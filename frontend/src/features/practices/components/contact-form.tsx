import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormAlert, FormActions, TextAreaField, TextField } from '@/components/ui/form-fields';
import { describeError } from '@/lib/describe-error';
import { useFormErrors } from '@/lib/use-form-errors';
import { checks, compact, firstError, limits } from '@/lib/validation';
import { useContactPractice } from '../api/public';

const FIELDS = ['name', 'email', 'message'] as const;

/** The bounds of POST /public/practices/{id}/contact. */
export const CONTACT_LIMITS = { nameMax: 100, messageMin: 10, messageMax: 5000 } as const;

/**
 * "You can write again at 14:05 (in about 45 minutes)": when a refused message may be sent, in
 * words, from the server's Retry-After (seconds). Exported for tests.
 */
export function retryInWords(seconds: number, t: TFunction, language: string, now: Date = new Date()): string {
  const at = new Date(now.getTime() + seconds * 1000);
  const sameDay = at.toDateString() === now.toDateString();
  const time = new Intl.DateTimeFormat(language, sameDay ? { timeStyle: 'short' } : { dateStyle: 'long', timeStyle: 'short' }).format(at);
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const after = minutes < 90 ? t('catalogue.contact.inMinutes', { count: minutes }) : t('catalogue.contact.inHours', { count: Math.round(minutes / 60) });
  return t('catalogue.contact.retryAt', { time, after });
}

/**
 * The contact form of a practice in the public catalogue. The message goes to the practice's
 * contact by e-mail; the contact's address is never shown, and the answer comes to the address
 * the visitor gives. A field hidden from people (the honeypot) catches programs that fill in
 * every field.
 */
export function ContactForm({ practiceId, contactName }: { practiceId: string; contactName: string }) {
  const { t, i18n } = useTranslation();
  const send = useContactPractice(practiceId);
  const form = useFormErrors(FIELDS);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [message, setMessage] = useState('');
  const [website, setWebsite] = useState('');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const c = checks(t);
    const ok = form.validate(
      compact({
        name: firstError(name, c.required, c.maxLength(CONTACT_LIMITS.nameMax)),
        email: firstError(email, c.required, c.email, c.maxLength(limits.emailMax)),
        message: firstError(message, c.required, c.minLength(CONTACT_LIMITS.messageMin), c.maxLength(CONTACT_LIMITS.messageMax)),
      }),
    );
    if (!ok) return;
    send.mutate(
      { name: name.trim(), email: email.trim(), message, ...(website ? { website } : {}) },
      {
        onError: (error) => {
          if (isApiError(error) && error.status === 429) {
            const seconds = error.retryAfter ?? Number(error.params?.retry_after ?? 3600);
            const why = error.params?.limit === 'practice' ? t('catalogue.contact.tooManyForPractice') : t('catalogue.contact.tooMany');
            form.showServerError(error, `${why} ${retryInWords(seconds, t, i18n.language)}`);
            return;
          }
          form.showServerError(error, isApiError(error) && error.fieldErrors.length > 0 ? undefined : describeError(error, t));
        },
      },
    );
  };

  if (send.isSuccess) {
    return (
      <div className="contact-sent">
        <p className="alert alert-success" role="status">
          {t('catalogue.contact.sent', { name: contactName || t('catalogue.contact.theContact') })}
        </p>
        <Button
          onClick={() => {
            setMessage('');
            send.reset();
          }}
        >
          {t('catalogue.contact.another')}
        </Button>
      </div>
    );
  }

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form contact-form">
      <FormAlert message={form.formError} />
      <TextField
        label={t('catalogue.contact.name')}
        name="name"
        autoComplete="name"
        required
        value={name}
        maxLength={CONTACT_LIMITS.nameMax}
        error={form.errors.name}
        onChange={(e) => {
          setName(e.target.value);
          form.clearError('name');
        }}
      />
      <TextField
        label={t('catalogue.contact.email')}
        hint={t('catalogue.contact.emailHint')}
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        value={email}
        maxLength={limits.emailMax}
        error={form.errors.email}
        onChange={(e) => {
          setEmail(e.target.value);
          form.clearError('email');
        }}
      />
      <TextAreaField
        label={t('catalogue.contact.message')}
        hint={t('catalogue.contact.messageHint', { min: CONTACT_LIMITS.messageMin, max: CONTACT_LIMITS.messageMax })}
        name="message"
        rows={6}
        required
        value={message}
        maxLength={CONTACT_LIMITS.messageMax}
        error={form.errors.message}
        onChange={(e) => {
          setMessage(e.target.value);
          form.clearError('message');
        }}
      />
      {/* Hidden from people and from assistive technology; programs that fill every field fill this one too. */}
      <div className="contact-honeypot" aria-hidden="true">
        <label htmlFor="contact-website">{t('catalogue.contact.honeypot')}</label>
        <input id="contact-website" name="website" type="text" tabIndex={-1} autoComplete="off" value={website} onChange={(e) => setWebsite(e.target.value)} />
      </div>
      <FormActions>
        <Button type="submit" variant="primary" pending={send.isPending} pendingLabel={t('catalogue.contact.sending')}>
          {t('catalogue.contact.send')}
        </Button>
      </FormActions>
    </form>
  );
}

import type { TFunction } from 'i18next';

/**
 * Client-side checks that mirror the bounds of the API contract (api/openapi.yaml), so most
 * mistakes are caught before a round trip. The server stays the authority.
 */
export const limits = {
  nameMax: 200,
  emailMax: 254,
  passwordMin: 12,
  passwordMax: 200,
  cityMax: 100,
  websiteMax: 300,
  descriptionMax: 5000,
  objectiveMax: 2000,
  keyedMax: 30,
  languagesMax: 20,
  expertiseMax: 30,
  expertiseItemMax: 40,
  searchMax: 100,
} as const;

export const patterns = {
  country: /^[A-Z]{2}$/,
  language: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
  keyedKey: /^[a-z0-9_]{1,40}$/,
  // Deliberately simple: something@something.tld, no spaces.
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
} as const;

export type Check = (value: string) => string | undefined;

/** Builds translated checks for one field. */
export function checks(t: TFunction) {
  return {
    required: (value: string) => (value.trim() ? undefined : t('validation.required')),
    maxLength: (max: number) => (value: string) =>
      value.length > max ? t('validation.maxLength', { max }) : undefined,
    minLength: (min: number) => (value: string) =>
      value.length > 0 && value.length < min ? t('validation.minLength', { min }) : undefined,
    email: (value: string) => (value && !patterns.email.test(value.trim()) ? t('validation.email') : undefined),
    country: (value: string) => (value && !patterns.country.test(value) ? t('validation.country') : undefined),
    url: (value: string) => {
      if (!value) return undefined;
      try {
        const u = new URL(value);
        return u.protocol === 'http:' || u.protocol === 'https:' ? undefined : t('validation.url');
      } catch {
        return t('validation.url');
      }
    },
    languages: (value: string[]) => {
      if (value.length > limits.languagesMax) return t('validation.maxItems', { max: limits.languagesMax });
      const bad = value.find((v) => !patterns.language.test(v));
      return bad ? t('validation.language', { value: bad }) : undefined;
    },
    expertise: (value: string[]) => {
      if (value.length > limits.expertiseMax) return t('validation.maxItems', { max: limits.expertiseMax });
      const bad = value.find((v) => v.length > limits.expertiseItemMax);
      return bad ? t('validation.maxLength', { max: limits.expertiseItemMax }) : undefined;
    },
  };
}

/** Runs checks in order and returns the first message. */
export function firstError(value: string, ...fns: Check[]): string | undefined {
  for (const fn of fns) {
    const message = fn(value);
    if (message) return message;
  }
  return undefined;
}

/** Drops undefined entries, so `Object.keys(errors).length` says whether the form is valid. */
export function compact<F extends string>(errors: Partial<Record<F, string | undefined>>): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const [k, v] of Object.entries(errors) as [F, string | undefined][]) {
    if (v) out[k] = v;
  }
  return out;
}

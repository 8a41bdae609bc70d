import i18n from '@/i18n';

/**
 * The pseudonym an erased person goes by in the data (SPEC: "Former member 7F3A"): the same
 * words in every language, followed by four hexadecimal digits derived from the account.
 */
const PSEUDONYM = /^Former member ([0-9A-F]{4})$/;

/**
 * A person's name as the reader sees it. Names are shown as people wrote them, except the
 * pseudonym of an erased person, which is shown in the interface language ("Voormalig lid 7F3A").
 */
export function personName(name: string | null | undefined): string {
  if (!name) return '';
  const m = PSEUDONYM.exec(name);
  return m ? i18n.t('common.formerMember', { ns: 'translation', code: m[1] }) : name;
}

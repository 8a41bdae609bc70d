import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '@/lib/use-document-title';

/** What each kind of record is and why it is kept: the keys of account.privacy.stored. */
const STORED = ['account', 'work', 'reviews', 'discussion', 'notifications', 'sessions', 'audit', 'email'] as const;

/** What Peerbridge stores about people, why, for how long, and the rights they have over it. */
export function PrivacyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.privacy.title'));
  return (
    <article className="card prose" aria-labelledby="privacy-heading">
      <h1 id="privacy-heading">{t('account.privacy.title')}</h1>
      <p className="lead">{t('account.privacy.lead')}</p>
      <h2>{t('account.privacy.storedTitle')}</h2>
      <dl>
        {STORED.map((key) => (
          <div key={key}>
            <dt>{t(`account.privacy.stored.${key}.what`)}</dt>
            <dd>{t(`account.privacy.stored.${key}.why`)}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('account.privacy.notStoredTitle')}</h2>
      <p>{t('account.privacy.notStored')}</p>
      <h2>{t('account.privacy.whoTitle')}</h2>
      <p>{t('account.privacy.who')}</p>
      <h2>{t('account.privacy.rightsTitle')}</h2>
      <p>{t('account.privacy.rights')}</p>
      <ul>
        <li>{t('account.privacy.rightExport')}</li>
        <li>{t('account.privacy.rightErase')}</li>
        <li>{t('account.privacy.rightCorrect')}</li>
      </ul>
      <p>
        <Link to="/account">{t('account.privacy.toAccount')}</Link>
      </p>
    </article>
  );
}

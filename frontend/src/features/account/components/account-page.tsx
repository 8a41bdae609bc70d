import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/page-header';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useMe } from '../api/me';
import { DownloadDataSection } from './download-data-section';
import { EraseAccountSection } from './erase-account-section';
import { PasswordForm } from './password-form';
import { ProfileForm } from './profile-form';

/** `extraSections`: more settings from other features (e.g. the e-mail notification preference). */
export function AccountPage({ extraSections }: { extraSections?: ReactNode } = {}) {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('account.title'));
  return (
    <>
      <PageHeader title={t('account.title')} lead={t('account.lead')} />
      <div className="account-grid">
        <section className="card" aria-labelledby="profile-heading">
          <h2 id="profile-heading">{t('account.profile')}</h2>
          {me.isPending ? (
            <LoadingState />
          ) : me.isError ? (
            <ErrorState error={me.error} onRetry={() => void me.refetch()} />
          ) : (
            <ProfileForm key={me.data.version} user={me.data} />
          )}
        </section>
        <section className="card" aria-labelledby="password-heading">
          <h2 id="password-heading">{t('account.changePassword')}</h2>
          <PasswordForm email={me.data?.email} />
        </section>
        {extraSections}
        <DownloadDataSection />
        <EraseAccountSection email={me.data?.email} />
      </div>
    </>
  );
}

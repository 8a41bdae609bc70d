import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-fields';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { useDownloadMyData } from '../api/me';

/** "Download my data": everything Peerbridge holds about the signed-in person, as one JSON file. */
export function DownloadDataSection() {
  const { t } = useTranslation();
  const toast = useToast();
  const download = useDownloadMyData();
  return (
    <section className="card" aria-labelledby="download-data-heading">
      <h2 id="download-data-heading">{t('account.data.title')}</h2>
      <p>{t('account.data.lead')}</p>
      <FormAlert message={download.isError ? describeError(download.error, t) : null} />
      <div className="form-actions">
        <Button
          onClick={() => download.mutate(undefined, { onSuccess: (name) => toast.show(t('account.data.done', { name })) })}
          pending={download.isPending}
          pendingLabel={t('account.data.pending')}
        >
          {t('account.data.submit')}
        </Button>
      </div>
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { programmeText } from '@/lib/vocabulary';
import { Link, useNavigate } from 'react-router';
import type { Programme } from '@/api/types';
import { Badge, BadgeList } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useToast } from '@/components/ui/toast';
import { DEFAULT_PAGE_SIZE } from '@/lib/constants';
import { excerpt, formatDate } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePageParam } from '@/lib/use-page-param';
import { useCreateProgramme, useProgrammes } from '../api/programmes';
import { ProgrammeForm } from './programme-form';

export function ProgrammesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [page, setPage] = usePageParam();
  const programmes = useProgrammes(page);
  const [creating, setCreating] = useState(false);
  useDocumentTitle(t('programmes.title'));

  return (
    <>
      <PageHeader
        title={t('programmes.title')}
        lead={t('programmes.lead')}
        actions={
          user?.is_admin && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              <span aria-hidden="true">+ </span>
              {t('programmes.new')}
            </Button>
          )
        }
      />
      {programmes.isPending ? (
        <LoadingState />
      ) : programmes.isError ? (
        <ErrorState error={programmes.error} onRetry={() => void programmes.refetch()} />
      ) : programmes.data.items.length === 0 ? (
        <EmptyState title={t('programmes.emptyTitle')}>{user?.is_admin ? t('programmes.emptyAdmin') : t('programmes.emptyMember')}</EmptyState>
      ) : (
        <>
          <ul className="card-grid" aria-busy={programmes.isFetching || undefined}>
            {programmes.data.items.map((p) => (
              <li key={p.id}>
                <ProgrammeCard programme={p} />
              </li>
            ))}
          </ul>
          <Pagination
            page={programmes.data.page}
            pageSize={programmes.data.page_size || DEFAULT_PAGE_SIZE}
            total={programmes.data.total}
            onPageChange={setPage}
          />
        </>
      )}
      {user?.is_admin && <CreateProgrammeDialog open={creating} onOpenChange={setCreating} />}
    </>
  );
}

function ProgrammeCard({ programme }: { programme: Programme }) {
  const { t, i18n } = useTranslation();
  const text = programmeText(programme, i18n.language);
  const dates =
    programme.starts_on || programme.ends_on
      ? t('programmes.dateRange', {
          from: formatDate(programme.starts_on, i18n.language) || '…',
          to: formatDate(programme.ends_on, i18n.language) || '…',
        })
      : t('programmes.noDates');
  return (
    <article className="card programme-card">
      <h2 className="card-title">
        <Link to={`/programmes/${programme.id}`}>{text.name}</Link>
      </h2>
      {text.description && <p className="card-text">{excerpt(text.description)}</p>}
      <dl className="card-meta">
        <div>
          <dt>{t('fields.dates')}</dt>
          <dd>{dates}</dd>
        </div>
        <div>
          <dt>{t('fields.themes')}</dt>
          <dd>{t('programmes.themesCount', { count: programme.themes.length })}</dd>
        </div>
      </dl>
      <div className="card-footer">
        <span className="visually-hidden">{t('programmes.yourRoles')}: </span>
        <BadgeList>
          {programme.my_roles.length === 0 ? (
            <Badge>{t('programmes.noRole')}</Badge>
          ) : (
            programme.my_roles.map((role) => (
              <Badge key={role} tone={role === 'coordinator' ? 'accent' : 'info'}>
                {t(`roles.${role}`)}
              </Badge>
            ))
          )}
        </BadgeList>
      </div>
    </article>
  );
}

function CreateProgrammeDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const create = useCreateProgramme();
  const idempotency = useIdempotencyKey();
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t('programmes.new')} size="lg">
      <ProgrammeForm
        submitLabel={t('programmes.create')}
        pendingLabel={t('actions.saving')}
        pending={create.isPending}
        onCancel={() => onOpenChange(false)}
        onSubmit={async (body) => {
          const programme = await create.mutateAsync({ body, idempotencyKey: idempotency.forBody(body) });
          idempotency.reset();
          onOpenChange(false);
          toast.show(t('programmes.created', { name: programme.name }));
          navigate(`/programmes/${programme.id}`);
        }}
      />
    </Dialog>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import type { Organisation } from '@/api/types';
import { Button } from '@/components/ui/button';
import type { Column } from '@/components/ui/data-table';
import { Dialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import { countryName } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePageParam } from '@/lib/use-page-param';
import { useSearchQuery } from '@/lib/use-search-query';
import { useCreateOrganisation, useOrganisations, useUpdateOrganisation } from '@/components/organisations/use-organisations';
import { AdminListPage } from './admin-list-page';
import { OrganisationForm } from './organisation-form';

export function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = usePageParam();
  const [q, setQ] = useSearchQuery();
  const organisations = useOrganisations(page, q);
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  useDocumentTitle(t('admin.organisations.title'));

  const editing = organisations.data?.items.find((o) => o.id === editingId) ?? null;

  const columns: Column<Organisation>[] = [
    { key: 'name', header: t('fields.name'), rowHeader: true, cell: (o) => o.name },
    {
      key: 'country',
      header: t('fields.country'),
      cell: (o) => (
        <span title={o.country}>
          {countryName(o.country, i18n.language)} <span className="country-code">{o.country}</span>
        </span>
      ),
    },
    { key: 'kind', header: t('fields.kind'), cell: (o) => t(`organisationKinds.${o.kind}`) },
    { key: 'city', header: t('fields.city'), cell: (o) => o.city || <span className="muted">—</span> },
    {
      key: 'website',
      header: t('fields.website'),
      cell: (o) =>
        o.website ? (
          <a href={o.website} target="_blank" rel="noopener noreferrer">
            {o.website.replace(/^https?:\/\//, '')}
          </a>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('common.actions')}</span>,
      className: 'cell-actions',
      cell: (o) => (
        <Button size="sm" onClick={() => setEditingId(o.id)} aria-label={t('actions.editNamed', { name: o.name })}>
          {t('actions.edit')}
        </Button>
      ),
    },
  ];

  return (
    <AdminListPage
      title={t('admin.organisations.title')}
      lead={t('admin.organisations.lead')}
      newLabel={t('admin.organisations.new')}
      searchLabel={t('admin.organisations.search')}
      emptyTitle={t('admin.organisations.empty')}
      onNew={() => setCreating(true)}
      q={q}
      onSearch={setQ}
      onPageChange={setPage}
      list={organisations}
      columns={columns}
      rowKey={(o) => o.id}
    >
      <CreateOrganisationDialog open={creating} onOpenChange={setCreating} />
      {editing && <EditOrganisationDialog organisation={editing} onClose={() => setEditingId(null)} />}
    </AdminListPage>
  );
}

function CreateOrganisationDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const create = useCreateOrganisation();
  const idempotency = useIdempotencyKey();
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t('admin.organisations.new')}>
      <OrganisationForm
        submitLabel={t('actions.create')}
        pending={create.isPending}
        onCancel={() => onOpenChange(false)}
        onSubmit={async (body) => {
          const organisation = await create.mutateAsync({ body, idempotencyKey: idempotency.forBody(body) });
          idempotency.reset();
          onOpenChange(false);
          toast.show(t('admin.organisations.created', { name: organisation.name }));
        }}
      />
    </Dialog>
  );
}

function EditOrganisationDialog({ organisation, onClose }: { organisation: Organisation; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const update = useUpdateOrganisation();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t('actions.editNamed', { name: organisation.name })}>
      <OrganisationForm
        key={organisation.version}
        initial={organisation}
        notice={notice}
        submitLabel={t('actions.saveChanges')}
        pending={update.isPending}
        onCancel={onClose}
        onSubmit={async (body) => {
          await update.mutateAsync({ organisation, body });
          onClose();
          toast.show(t('admin.organisations.saved', { name: body.name }));
        }}
        describeFailure={(error) => {
          if (isApiError(error) && error.status === 412) {
            setNotice(t('forms.staleReloaded'));
            return t('forms.staleReloaded');
          }
          return undefined;
        }}
      />
    </Dialog>
  );
}

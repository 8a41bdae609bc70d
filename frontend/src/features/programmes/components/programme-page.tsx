import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { programmeText } from '@/lib/vocabulary';
import { NavLink, Outlet, useParams } from 'react-router';
import { isApiError } from '@/api/errors';
import type { Programme } from '@/api/types';
import { Badge, BadgeList } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useToast } from '@/components/ui/toast';
import { formatDate } from '@/lib/format';
import type { ProgrammeOutletContext, ProgrammeTab } from '@/lib/programme-context';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useProgramme, useUpdateProgramme } from '../api/programmes';
import { ProgrammeForm } from './programme-form';
import { TabsNav } from '@/components/ui/tabs-nav';

/** The programme page: its header, the tabs, and the tab's content. */
export function ProgrammePage({ tabs }: { tabs: ProgrammeTab[] }) {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const programme = useProgramme(id);
  const [editing, setEditing] = useState(false);
  useDocumentTitle(programme.data ? programmeText(programme.data.data, i18n.language).name : t('programmes.title'));

  if (programme.isPending) return <LoadingState />;
  if (programme.isError) {
    if (isApiError(programme.error) && programme.error.status === 404) {
      return <EmptyState title={t('programmes.notFound')}>{t('programmes.notFoundText')}</EmptyState>;
    }
    return <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />;
  }

  const { data: p, etag } = programme.data;
  const context: ProgrammeOutletContext = {
    programme: p,
    etag,
    canCoordinate: !!user?.is_admin || p.my_roles.includes('coordinator'),
  };
  const visibleTabs = tabs.filter((tab) => !tab.visible || tab.visible(context));
  const dates =
    p.starts_on || p.ends_on
      ? t('programmes.dateRange', { from: formatDate(p.starts_on, i18n.language) || '…', to: formatDate(p.ends_on, i18n.language) || '…' })
      : null;

  return (
    <>
      <PageHeader
        title={programmeText(p, i18n.language).name}
        meta={
          <>
            {dates && <span>{dates}</span>}
            {p.my_roles.length > 0 && (
              <span>
                <span className="visually-hidden">{t('programmes.yourRoles')}: </span>
                <BadgeList>
                  {p.my_roles.map((role) => (
                    <Badge key={role} tone={role === 'coordinator' ? 'accent' : 'info'}>
                      {t(`roles.${role}`)}
                    </Badge>
                  ))}
                </BadgeList>
              </span>
            )}
          </>
        }
        actions={
          context.canCoordinate && (
            <Button onClick={() => setEditing(true)}>{t('programmes.edit.button')}</Button>
          )
        }
      />
      <TabsNav label={t('programmes.sections')}>
        {visibleTabs.map((tab) => (
          <li key={tab.to}>
            <NavLink
              to={tab.to ? `/programmes/${p.id}/${tab.to}` : `/programmes/${p.id}`}
              end
              className={({ isActive }) => (isActive ? 'tab active' : 'tab')}
            >
              {t(tab.labelKey)}
            </NavLink>
          </li>
        ))}
      </TabsNav>
      <div className="tab-panel">
        <Outlet context={context} />
      </div>
      {context.canCoordinate && (
        <EditProgrammeDialog
          programme={p}
          etag={etag}
          open={editing}
          onOpenChange={setEditing}
          onStale={() => void programme.refetch()}
        />
      )}
    </>
  );
}

function EditProgrammeDialog({
  programme,
  etag,
  open,
  onOpenChange,
  onStale,
}: {
  programme: Programme;
  etag: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const update = useUpdateProgramme(programme.id);
  const [notice, setNotice] = useState<string | null>(null);
  const close = (next: boolean) => {
    if (!next) setNotice(null);
    onOpenChange(next);
  };
  return (
    <Dialog open={open} onOpenChange={close} title={t('programmes.edit.title')} size="lg">
      {/* A new version (after someone else's change) re-initialises the form with fresh values. */}
      <ProgrammeForm
        key={programme.version}
        initial={programme}
        notice={notice}
        submitLabel={t('actions.saveChanges')}
        pendingLabel={t('actions.saving')}
        pending={update.isPending}
        onCancel={() => close(false)}
        onSubmit={async (body) => {
          await update.mutateAsync({ body, etag });
          close(false);
          toast.show(t('programmes.edit.saved'));
        }}
        describeFailure={(error) => {
          if (isApiError(error) && (error.status === 412 || error.status === 428)) {
            setNotice(t('programmes.edit.stale'));
            onStale();
            return t('programmes.edit.stale');
          }
          return undefined;
        }}
      />
    </Dialog>
  );
}

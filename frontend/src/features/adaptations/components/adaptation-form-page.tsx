import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { programmeText } from '@/lib/vocabulary';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { etagFor } from '@/api/client';
import { isApiError } from '@/api/errors';
import { useOrganisation } from '@/components/organisations/use-organisations';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useToast } from '@/components/ui/toast';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import {
  useAdaptation,
  useCreateAdaptation,
  useProgrammeDetail,
  usePublishedPractices,
  useUpdateAdaptation,
} from '../api/adaptations';
import type { Adaptation } from '../api/types';
import { draftFromAdaptation, emptyDraft, toInput, toPatch } from './adaptation-draft';
import { AdaptationForm } from './adaptation-form';
import { Crumbs } from './crumbs';

/** /programmes/:id/adaptations/new, optionally with ?practice=…&product=… */
export function NewAdaptationPage() {
  const { t, i18n } = useTranslation('exchange');
  const { id: programmeId = '' } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const toast = useToast();
  const { user } = useSession();
  const programme = useProgrammeDetail(programmeId);
  const practices = usePublishedPractices(programmeId);
  const create = useCreateAdaptation(programmeId);
  const organisation = useOrganisation(user?.organisation_id);
  const idempotency = useIdempotencyKey();
  useDocumentTitle(t('form.newTitle'));

  // The organisation only gives the default country: do not wait for it when it fails.
  if (programme.isPending || practices.isPending || (organisation.isPending && !!user?.organisation_id)) return <LoadingState />;
  if (programme.isError) return <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />;
  if (practices.isError) return <ErrorState error={practices.error} onRetry={() => void practices.refetch()} />;

  const p = programme.data.data;
  const canAdapt = !!user?.is_admin || p.my_roles.includes('partner');
  // ?practice=…&product=… preselect them (the product only with a practice one can adapt).
  const prefilled = practices.data.items.some((x) => x.id === search.get('practice')) ? (search.get('practice') ?? '') : '';
  const back = `/programmes/${p.id}/adaptations`;

  return (
    <>
      <Crumbs
        items={[
          { to: `/programmes/${p.id}`, label: programmeText(p, i18n.language).name },
          { to: back, label: t('tracker.title') },
        ]}
      />
      <PageHeader title={t('form.newTitle')} lead={t('form.newLead')} />
      {!canAdapt ? (
        <EmptyState title={t('form.partnersOnlyTitle')}>{t('form.partnersOnly')}</EmptyState>
      ) : practices.data.items.length === 0 ? (
        <EmptyState title={t('form.noPracticesTitle')}>{t('form.noPractices')}</EmptyState>
      ) : (
        <AdaptationForm
          programme={p}
          practices={practices.data.items}
          initial={emptyDraft({
            sourcePracticeId: prefilled,
            productId: prefilled ? (search.get('product') ?? '') : '',
            country: organisation.data?.data.country ?? user?.organisation?.country ?? '',
          })}
          submitLabel={t('form.create')}
          pending={create.isPending}
          onCancel={() => navigate(back)}
          onSubmit={async (draft, core) => {
            const body = toInput(draft, core);
            const result = await create.mutateAsync({ body, idempotencyKey: idempotency.forBody(body) });
            idempotency.reset();
            toast.show(t('form.created', { title: result.data.title }));
            navigate(`/adaptations/${result.data.id}`);
          }}
        />
      )}
    </>
  );
}

/** /adaptations/:id/edit — for the partners of the adopting organisation (can_edit). */
export function EditAdaptationPage() {
  const { t } = useTranslation('exchange');
  const { id = '' } = useParams();
  const adaptation = useAdaptation(id);
  const programmeId = adaptation.data?.data.programme_id ?? '';
  const programme = useProgrammeDetail(programmeId);
  const practices = usePublishedPractices(programmeId, !!programmeId);
  useDocumentTitle(adaptation.data ? t('form.editTitle', { title: adaptation.data.data.title }) : t('form.editTitleShort'));

  if (adaptation.isPending || (programmeId && (programme.isPending || practices.isPending))) return <LoadingState />;
  if (adaptation.isError) {
    if (isApiError(adaptation.error) && adaptation.error.status === 404) {
      return <EmptyState title={t('detail.notFound')}>{t('detail.notFoundText')}</EmptyState>;
    }
    return <ErrorState error={adaptation.error} onRetry={() => void adaptation.refetch()} />;
  }
  if (programme.isError) return <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />;
  if (practices.isError) return <ErrorState error={practices.error} onRetry={() => void practices.refetch()} />;
  const a = adaptation.data.data;
  if (!a.can_edit) {
    return <EmptyState title={t('form.cannotEditTitle')}>{t('form.cannotEdit')}</EmptyState>;
  }
  return (
    <EditAdaptation
      key={a.version}
      adaptation={a}
      programme={programme.data!.data}
      practices={practices.data!.items}
      onReload={() => void adaptation.refetch()}
    />
  );
}

function EditAdaptation({
  adaptation,
  programme,
  practices,
  onReload,
}: {
  adaptation: Adaptation;
  programme: Parameters<typeof AdaptationForm>[0]['programme'];
  practices: Parameters<typeof AdaptationForm>[0]['practices'];
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation('exchange');
  const navigate = useNavigate();
  const toast = useToast();
  const update = useUpdateAdaptation();
  const [stale, setStale] = useState(false);
  const detail = `/adaptations/${adaptation.id}`;
  return (
    <>
      <Crumbs
        items={[
          { to: `/programmes/${programme.id}`, label: programmeText(programme, i18n.language).name },
          { to: `/programmes/${programme.id}/adaptations`, label: t('tracker.title') },
          { to: detail, label: adaptation.title },
        ]}
      />
      <PageHeader title={t('form.editTitle', { title: adaptation.title })} />
      {stale && (
        <div className="alert alert-warning stale-actions">
          <p>{t('form.staleText')}</p>
          <Button onClick={onReload}>{t('form.reloadLatest')}</Button>
        </div>
      )}
      <AdaptationForm
        programme={programme}
        practices={practices}
        original={adaptation}
        initial={draftFromAdaptation(adaptation)}
        submitLabel={t('actions.saveChanges')}
        pending={update.isPending}
        onCancel={() => navigate(detail)}
        describeFailure={(error) => {
          if (isApiError(error) && (error.status === 412 || error.status === 428)) {
            setStale(true);
            return t('form.stale');
          }
          if (isApiError(error) && error.code === 'invalid_status_transition') return t('board.ruleExplained');
          return undefined;
        }}
        onSubmit={async (draft, core) => {
          await update.mutateAsync({ id: adaptation.id, body: toPatch(draft, core, adaptation), etag: etagFor(adaptation.version) });
          toast.show(t('form.saved'));
          navigate(detail);
        }}
      />
    </>
  );
}

import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, LeaveConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-fields';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useOwnProfile, usePractice, usePracticeProgramme } from '../api/practices';
import { usePracticeEditorSession, type CarriedDraft, type PracticeEditorSessionOptions } from '../hooks/use-practice-editor-session';
import { BasicsSection } from './editor-sections/basics-section';
import { DeliverySections } from './editor-sections/delivery-sections';
import { DescriptionSections } from './editor-sections/description-sections';
import { EvidenceSections } from './editor-sections/evidence-sections';
import { ExchangeSections } from './editor-sections/exchange-sections';
import { EditorSaveStatus } from './editor-save-status';
import { editorFieldId } from './field-names';
import { draftFromPractice, emptyDraft } from './practice-draft';
import { PracticeStatusBadge } from './practice-status-badge';
import { SubmitChecklist } from './submit-checklist';
import { SubmitDialog } from './submit-dialog';

/** `/programmes/:id/practices/new` and `/practices/:id/edit`. */
export function PracticeEditorPage({ mode, notFound }: { mode: 'new' | 'edit'; notFound: ReactNode }) {
  return mode === 'new' ? <NewPracticePage /> : <EditPracticePage notFound={notFound} />;
}

function NewPracticePage() {
  const { t, i18n } = useTranslation();
  const { id: programmeId = '' } = useParams();
  const { user } = useSession();
  const programme = usePracticeProgramme(programmeId);
  const profile = useOwnProfile();
  useDocumentTitle(t('practices.editor.newTitle'));

  if (programme.isPending || profile.isPending) return <LoadingState />;
  if (programme.isError) {
    if (isApiError(programme.error) && programme.error.status === 404) {
      return <EmptyState title={t('programmes.notFound')}>{t('programmes.notFoundText')}</EmptyState>;
    }
    return <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />;
  }
  const p = programme.data.data;
  if (!user?.is_admin && !p.my_roles.includes('partner')) {
    return (
      <EmptyState title={t('practices.editor.notPartnerTitle')} action={<Link to={`/programmes/${p.id}/practices`}>{t('practices.backToCatalogue')}</Link>}>
        {t('practices.editor.notPartnerText')}
      </EmptyState>
    );
  }
  const language = user?.languages.find((l) => p.languages.includes(l)) ?? p.languages[0] ?? i18n.language.split('-')[0];
  const country = profile.data?.organisation?.country ?? user?.organisation?.country ?? '';
  return <PracticeEditor programme={p} initialDraft={emptyDraft({ language, country })} />;
}

function EditPracticePage({ notFound }: { notFound: ReactNode }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const practice = usePractice(id);
  const programme = usePracticeProgramme(practice.data?.data.programme_id);
  useDocumentTitle(practice.data ? t('practices.editor.editTitle', { title: practice.data.data.title }) : t('practices.editor.editing'));

  if (practice.isPending || (practice.isSuccess && programme.isPending)) return <LoadingState />;
  if (practice.isError) {
    if (isApiError(practice.error) && practice.error.status === 404) return <>{notFound}</>;
    return <ErrorState error={practice.error} onRetry={() => void practice.refetch()} />;
  }
  if (programme.isError) return <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />;
  const { data: p, etag } = practice.data;
  if (!p.allowed_actions.includes('edit')) {
    return (
      <EmptyState
        title={t('practices.editor.notEditableTitle')}
        action={
          <Link to={`/practices/${p.id}`} className="btn btn-primary">
            {t('practices.editor.viewPractice')}
          </Link>
        }
      >
        {t('practices.editor.notEditableText', { status: t(`practices.status.${p.status}`) })}
      </EmptyState>
    );
  }
  const carried = (location.state as { carried?: CarriedDraft } | null)?.carried;
  // Only the version the draft was carried over for: after a reload it would be stale.
  const initialDraft = carried && carried.version === p.version ? carried.draft : draftFromPractice(p);
  return <PracticeEditor key={p.id} programme={programme.data!.data} practice={p} etag={etag} initialDraft={initialDraft} />;
}

function PracticeEditor(props: PracticeEditorSessionOptions) {
  const { t } = useTranslation();
  const { programme, practice } = props;
  const session = usePracticeEditorSession(props);
  const { draft, set, errorFor, requestFocus } = session;
  const fields = { draft, set, errorFor, requestFocus };
  const allowed = new Set(practice?.allowed_actions ?? []);

  const sections: { id: string; title: string }[] = [
    { id: 'editor-basics', title: t('practices.editor.sections.basics') },
    { id: 'editor-context', title: t('practices.sections.context') },
    { id: 'editor-approach', title: t('practices.sections.approach') },
    { id: 'editor-products', title: t('practices.sections.products') },
    { id: 'editor-resources', title: t('practices.sections.resources') },
    { id: 'editor-evidence', title: t('practices.sections.evidence') },
    { id: 'editor-outcomes', title: t('practices.editor.sections.results') },
    { id: 'editor-questions', title: t('practices.sections.learningQuestions') },
    { id: 'editor-links', title: t('practices.sections.links') },
    { id: 'editor-contact', title: t('practices.sections.contact') },
  ];

  return (
    <>
      <nav className="breadcrumb" aria-label={t('practices.breadcrumb')}>
        <ol>
          <li>
            <Link to={`/programmes/${programme.id}`}>{programme.name}</Link>
          </li>
          <li>
            <Link to={`/programmes/${programme.id}/practices`}>{t('practices.title')}</Link>
          </li>
          {practice && (
            <li>
              <Link to={`/practices/${practice.id}`}>{practice.title}</Link>
            </li>
          )}
        </ol>
      </nav>
      <PageHeader
        title={session.creating ? t('practices.editor.newTitle') : t('practices.editor.editing')}
        lead={session.creating ? t('practices.editor.newLead') : t('practices.editor.editLead')}
        meta={practice && <PracticeStatusBadge status={practice.status} />}
      />
      <div className="editor-layout">
        <div className="editor-main">
          {session.state.kind === 'conflict' && (
            <div className="alert alert-warning conflict-banner" role="alert" aria-labelledby="conflict-title">
              <p className="conflict-title" id="conflict-title">
                {t('practices.editor.conflictTitle')}
              </p>
              <p>{t('practices.editor.conflictText')}</p>
              <div className="form-actions">
                <Button onClick={() => session.setConfirmReload(true)} disabled={session.resolving}>
                  {t('practices.editor.reloadLatest')}
                </Button>
                <Button variant="primary" onClick={() => void session.keepMine()} pending={session.resolving} pendingLabel={t('actions.working')}>
                  {t('practices.editor.keepMine')}
                </Button>
              </div>
            </div>
          )}
          {session.state.kind === 'locked' && (
            <div className="alert alert-error" role="alert">
              <p>{t('practices.editor.lockedText')}</p>
              {practice && <Link to={`/practices/${practice.id}`}>{t('practices.editor.viewPractice')}</Link>}
            </div>
          )}
          <FormAlert message={session.formError} />
          <form
            className="practice-editor-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (session.creating) session.createDraft();
              else void session.autosave.flush();
            }}
          >
            <BasicsSection {...fields} programme={programme} callEditable={!practice || practice.status === 'draft'} />
            <DescriptionSections {...fields} />
            <DeliverySections {...fields} announce={session.setAnnouncement} />
            <EvidenceSections {...fields} />
            <ExchangeSections {...fields} />
          </form>
        </div>

        <aside className="editor-aside" aria-label={t('practices.editor.sideLabel')}>
          <div className="card editor-status-card">
            <EditorSaveStatus state={session.state} creating={session.creating} unsaved={session.unsaved} onRetry={() => void session.autosave.retry()} />
            <div className="editor-aside-actions">
              {session.creating ? (
                <Button variant="primary" className="btn-block" onClick={session.createDraft} pending={session.create.isPending} pendingLabel={t('practices.editor.creating')}>
                  {t('practices.editor.create')}
                </Button>
              ) : (
                <>
                  {allowed.has('submit') && (
                    <Button
                      variant="primary"
                      className="btn-block"
                      onClick={session.trySubmit}
                      aria-describedby="submit-checklist-status"
                      disabled={session.state.kind === 'conflict' || session.state.kind === 'locked'}
                    >
                      {t('practices.submit.button')}
                    </Button>
                  )}
                  <Link to={`/practices/${practice!.id}`} className="btn btn-secondary btn-block">
                    {t('practices.editor.viewPractice')}
                  </Link>
                </>
              )}
            </div>
          </div>
          {(session.creating || allowed.has('submit')) && (
            <div className="card editor-checklist-card">
              <SubmitChecklist missing={session.toSubmit} />
            </div>
          )}
          <nav className="editor-toc" aria-label={t('practices.editor.tocLabel')}>
            <ol>
              {sections.map((s) => (
                <li key={s.id}>
                  <a href={`#${s.id}`}>{s.title}</a>
                </li>
              ))}
            </ol>
          </nav>
        </aside>
      </div>

      <div className="visually-hidden" role="status" aria-live="polite">
        {session.announcement}
      </div>

      {practice && (
        <SubmitDialog
          open={session.submitOpen}
          onOpenChange={(open) => {
            session.setSubmitOpen(open);
            if (!open) session.setSubmitError(null);
          }}
          nextRevision={practice.revision + 1}
          onConfirm={() => void session.submit()}
          pending={session.submitting}
          error={session.submitError}
          missing={session.missing}
          finalFocus={() => {
            const target = session.focusAfterDialog.current;
            session.focusAfterDialog.current = null;
            return target ? document.getElementById(target) : null;
          }}
          goToField={(field) => {
            const id = editorFieldId(field) ?? '';
            return {
              href: `#${id}`,
              onClick: (e) => {
                e.preventDefault();
                // The dialog hands focus to this field as it closes.
                session.focusAfterDialog.current = id;
                session.setSubmitOpen(false);
              },
            };
          }}
        />
      )}
      <ConfirmDialog
        open={session.confirmReload}
        onOpenChange={session.setConfirmReload}
        title={t('practices.editor.reloadTitle')}
        message={t('practices.editor.reloadMessage')}
        confirmLabel={t('practices.editor.reloadConfirm')}
        onConfirm={() => void session.reloadLatest()}
        pending={session.resolving}
      />
      <LeaveConfirmDialog
        leave={session.autosave.leave}
        title={t('practices.editor.leaveTitle')}
        message={session.creating ? t('practices.editor.leaveMessageNew') : t('practices.editor.leaveMessage')}
        confirmLabel={t('practices.editor.leaveConfirm')}
      />
    </>
  );
}

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useLocation, useNavigate, useParams } from 'react-router';
import { isApiError, type FieldError } from '@/api/errors';
import type { Practice, Programme } from '@/api/types';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { CountrySelect } from '@/components/ui/country-select';
import { CheckboxGroup, FormAlert, SelectField, TextField } from '@/components/ui/form-fields';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { formatTime, languageName } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { fetchPractice, runLifecycleAction, storePractice, useCreatePractice, useOwnProfile, usePractice, usePracticeProgramme } from '../api/practices';
import { useAutosave, type AutosaveState } from '../api/use-autosave';
import { CountedTextArea, CountedTextField } from '@/components/ui/counted-fields';
import { EditorSection, LinksField, ProductsEditor, StringListField } from './editor-fields';
import { EDITOR_FIELD_IDS, editorFieldId } from './field-names';
import {
  draftFromPractice,
  draftToBody,
  emptyDraft,
  isFilledIn,
  PRACTICE_LIMITS,
  validateDraft,
  type LongTextField,
  type PracticeDraft,
} from './practice-draft';
import { PracticeStatusBadge } from './practice-status-badge';
import { EVIDENCE_LEVELS, PRACTICE_LANGUAGES } from './practice-vocabulary';
import { SubmitDialog } from './submit-dialog';

const ids = EDITOR_FIELD_IDS;

/** What the "new" page hands to the edit page, so that nothing typed during creation is lost. */
interface CarriedDraft {
  draft: PracticeDraft;
  version: number;
}

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

interface PracticeEditorProps {
  programme: Programme;
  /** Absent while creating. */
  practice?: Practice;
  etag?: string;
  initialDraft: PracticeDraft;
}

const topLevel = (path: string) => path.split(/[.[]/)[0];

function PracticeEditor({ programme, practice, etag = '', initialDraft }: PracticeEditorProps) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const create = useCreatePractice(programme.id);
  const idempotency = useIdempotencyKey();
  const [draft, setDraft] = useState<PracticeDraft>(initialDraft);
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<FieldError[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitOpen, setSubmitOpen] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [confirmReload, setConfirmReload] = useState(false);
  const [resolving, setResolving] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const focusAfterDialog = useRef<string | null>(null);
  const leavingRef = useRef(false);
  const creating = !practice;

  const validation = useMemo(() => validateDraft(draft, t), [draft, t]);
  const blocked = useMemo(() => new Set(Object.keys(validation).map(topLevel)), [validation]);
  const body = useMemo(() => draftToBody(draft) as unknown as Record<string, unknown>, [draft]);
  const [baseline] = useState(() => (practice ? (draftToBody(draftFromPractice(practice)) as unknown as Record<string, unknown>) : {}));
  const initialJson = useRef(JSON.stringify(draftToBody(initialDraft)));

  const autosave = useAutosave({
    practiceId: practice?.id,
    etag,
    body,
    blocked,
    baseline,
    onSaved: (result) => {
      storePractice(queryClient, result);
      setServerErrors({});
    },
    onRejected: (error) => {
      if (!isApiError(error)) return;
      setServerErrors(Object.fromEntries(error.fieldErrors.map((fe) => [fe.field, fe.message])));
      setShowAll(true);
    },
  });
  const state = autosave.state;
  const unsaved = creating ? JSON.stringify(body) !== initialJson.current : autosave.dirty;

  // Once saving was held back by a mistake, show every mistake, not only text over its limit.
  useEffect(() => {
    if (state.kind === 'blocked') setShowAll(true);
  }, [state.kind]);

  useEffect(() => {
    if (!focusTarget) return;
    const el = document.getElementById(focusTarget);
    el?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  // A link to a field (from the practice page's "what is missing" list) lands on it.
  useEffect(() => {
    const target = location.hash.slice(1);
    if (!target) return;
    const timer = setTimeout(() => {
      const el = document.getElementById(target);
      el?.scrollIntoView?.({ block: 'center' });
      el?.focus();
    }, 0);
    return () => clearTimeout(timer);
    // Only on arrival, not when the hash changes later (the contents links scroll by themselves).
  }, []);

  // Leaving with unsaved text: save first; ask when that is not possible.
  const unsavedRef = useRef(unsaved);
  unsavedRef.current = unsaved;
  const blocker = useBlocker(
    useCallback(
      ({ currentLocation, nextLocation }: { currentLocation: { pathname: string }; nextLocation: { pathname: string } }) =>
        !leavingRef.current && unsavedRef.current && currentLocation.pathname !== nextLocation.pathname,
      [],
    ),
  );
  const [leaveOpen, setLeaveOpen] = useState(false);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (creating || state.kind === 'conflict' || state.kind === 'locked') {
      setLeaveOpen(true);
      return;
    }
    void autosave.flush().then((ok) => {
      if (ok) blocker.proceed?.();
      else setLeaveOpen(true);
    });
    // Reacts to the blocker only; the rest is read as it is at that moment.
  }, [blocker.state]);
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const shown: Record<string, string> = {};
  for (const [path, error] of Object.entries(validation)) if (!error.deferred || showAll) shown[path] = error.message;
  for (const [path, message] of Object.entries(serverErrors)) shown[path] ??= message;
  for (const m of missing) if (!isFilledIn(draft, m.field)) shown[m.field] ??= t('practices.editor.neededToSubmit');
  const errorFor = (path: string) => shown[path];

  const set = <K extends keyof PracticeDraft>(key: K, value: PracticeDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const requestFocus = (id: string) => setFocusTarget(id);

  const focusFirstError = () => {
    setTimeout(() => {
      const first = document.querySelector<HTMLElement>('.practice-editor-form [aria-invalid="true"]');
      first?.scrollIntoView?.({ block: 'center' });
      first?.focus();
    }, 0);
  };

  // --- creating --------------------------------------------------------------------------
  const createDraft = () => {
    setShowAll(true);
    if (Object.keys(validation).length > 0) {
      setFormError(t('forms.fixErrors', { count: Object.keys(validation).length }));
      focusFirstError();
      return;
    }
    setFormError(null);
    const requestBody = draftToBody(draft);
    create.mutate(
      { body: requestBody, idempotencyKey: idempotency.forBody(requestBody) },
      {
        onSuccess: (result) => {
          idempotency.reset();
          leavingRef.current = true;
          toast.show(t('practices.editor.created'));
          navigate(`/practices/${result.data.id}/edit`, {
            replace: true,
            state: { carried: { draft, version: result.data.version } satisfies CarriedDraft },
          });
        },
        onError: (error) => {
          if (isApiError(error) && error.fieldErrors.length) {
            setServerErrors(Object.fromEntries(error.fieldErrors.map((fe) => [fe.field, fe.message])));
            focusFirstError();
          }
          setFormError(describeError(error, t));
        },
      },
    );
  };

  // --- submitting ------------------------------------------------------------------------
  const submit = async () => {
    if (!practice) return;
    setSubmitError(null);
    setMissing([]);
    setSubmitting(true);
    try {
      const saved = await autosave.flush();
      if (!saved) {
        setShowAll(true);
        setSubmitError(t('practices.editor.saveBeforeSubmit'));
        return;
      }
      const result = await runLifecycleAction(practice.id, 'submit');
      storePractice(queryClient, result);
      void queryClient.invalidateQueries({ queryKey: ['practices', 'detail', practice.id, 'revisions'] });
      leavingRef.current = true;
      setSubmitOpen(false);
      toast.show(t('practices.submit.done'));
      navigate(`/practices/${practice.id}`);
    } catch (error) {
      if (isApiError(error) && error.code === 'practice_incomplete' && error.fieldErrors.length) {
        setMissing(error.fieldErrors);
        setShowAll(true);
      } else {
        setSubmitError(describeError(error, t));
      }
    } finally {
      setSubmitting(false);
    }
  };

  // --- conflicts -------------------------------------------------------------------------
  const reloadLatest = async () => {
    if (!practice) return;
    setResolving(true);
    try {
      const latest = await fetchPractice(practice.id);
      storePractice(queryClient, latest);
      const next = draftFromPractice(latest.data);
      setDraft(next);
      setMissing([]);
      setServerErrors({});
      autosave.rebase(draftToBody(next) as unknown as Record<string, unknown>, latest.etag);
      setConfirmReload(false);
      setAnnouncement(t('practices.editor.reloaded'));
    } catch (error) {
      setFormError(describeError(error, t));
    } finally {
      setResolving(false);
    }
  };

  const keepMine = async () => {
    if (!practice) return;
    setResolving(true);
    try {
      const latest = await fetchPractice(practice.id);
      storePractice(queryClient, latest);
      await autosave.overwrite(draftToBody(draftFromPractice(latest.data)) as unknown as Record<string, unknown>, latest.etag);
    } catch (error) {
      setFormError(describeError(error, t));
    } finally {
      setResolving(false);
    }
  };

  // --- the form --------------------------------------------------------------------------
  const L = PRACTICE_LIMITS;
  const otherLanguages = PRACTICE_LANGUAGES.filter((l) => !programme.languages.includes(l));
  const langLabel = (code: string) => `${languageName(code, i18n.language)} (${code})`;
  const needed = t('practices.editor.neededTag');
  const allowed = new Set(practice?.allowed_actions ?? []);

  const longText = (field: LongTextField, id: string, label: string, guidance?: string, neededToSubmit = false, hideLabel = false) => (
    <CountedTextArea
      id={id}
      label={label}
      className={hideLabel ? 'field-label-hidden' : undefined}
      hint={[neededToSubmit ? needed : '', guidance ?? ''].filter(Boolean).join(' ') || undefined}
      value={draft[field]}
      max={L.longText}
      rows={7}
      error={errorFor(field)}
      onChange={(e) => set(field, e.target.value)}
    />
  );

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
        title={creating ? t('practices.editor.newTitle') : t('practices.editor.editing')}
        lead={creating ? t('practices.editor.newLead') : t('practices.editor.editLead')}
        meta={practice && <PracticeStatusBadge status={practice.status} />}
      />
      <div className="editor-layout">
        <div className="editor-main">
          {state.kind === 'conflict' && (
            <div className="alert alert-warning conflict-banner" role="alert" aria-labelledby="conflict-title">
              <p className="conflict-title" id="conflict-title">
                {t('practices.editor.conflictTitle')}
              </p>
              <p>{t('practices.editor.conflictText')}</p>
              <div className="form-actions">
                <Button onClick={() => setConfirmReload(true)} disabled={resolving}>
                  {t('practices.editor.reloadLatest')}
                </Button>
                <Button variant="primary" onClick={() => void keepMine()} pending={resolving} pendingLabel={t('actions.working')}>
                  {t('practices.editor.keepMine')}
                </Button>
              </div>
            </div>
          )}
          {state.kind === 'locked' && (
            <div className="alert alert-error" role="alert">
              <p>{t('practices.editor.lockedText')}</p>
              {practice && <Link to={`/practices/${practice.id}`}>{t('practices.editor.viewPractice')}</Link>}
            </div>
          )}
          <FormAlert message={formError} />
          <form
            className="practice-editor-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (creating) createDraft();
              else void autosave.flush();
            }}
          >
            <EditorSection id="editor-basics" title={t('practices.editor.sections.basics')} guidance={t('practices.editor.guidance.basics')}>
              <CountedTextField
                id={ids.title}
                label={t('fields.title')}
                required
                value={draft.title}
                max={L.title}
                error={errorFor('title')}
                onChange={(e) => set('title', e.target.value)}
              />
              <CountedTextArea
                id={ids.summary}
                label={t('practices.fields.summary')}
                hint={`${needed} ${t('practices.editor.guidance.summary')}`}
                value={draft.summary}
                max={L.summary}
                rows={3}
                error={errorFor('summary')}
                onChange={(e) => set('summary', e.target.value)}
              />
              <div className="field-row">
                <SelectField
                  id={ids.language}
                  label={t('practices.fields.originalLanguage')}
                  hint={t('practices.editor.guidance.language')}
                  required
                  value={draft.language}
                  error={errorFor('language')}
                  onChange={(e) => set('language', e.target.value)}
                >
                  {programme.languages.length > 0 && (
                    <optgroup label={t('practices.editor.programmeLanguages')}>
                      {programme.languages.map((l) => (
                        <option key={l} value={l}>
                          {langLabel(l)}
                        </option>
                      ))}
                    </optgroup>
                  )}
                  <optgroup label={t('practices.editor.otherLanguages')}>
                    {otherLanguages.map((l) => (
                      <option key={l} value={l}>
                        {langLabel(l)}
                      </option>
                    ))}
                    {draft.language && !programme.languages.includes(draft.language) && !otherLanguages.includes(draft.language as never) && (
                      <option value={draft.language}>{langLabel(draft.language)}</option>
                    )}
                  </optgroup>
                </SelectField>
                <CountrySelect
                  id={ids.country}
                  label={t('fields.country')}
                  hint={t('practices.editor.guidance.country')}
                  value={draft.country}
                  error={errorFor('country')}
                  onChange={(e) => set('country', e.target.value)}
                />
              </div>
              {programme.themes.length > 0 && (
                <CheckboxGroup
                  id={ids.themes}
                  name="themes"
                  label={t('fields.themes')}
                  hint={`${needed} ${t('practices.editor.guidance.themes')}`}
                  options={programme.themes.map((th) => ({ value: th.key, label: th.title }))}
                  value={draft.themes}
                  onChange={(v) => set('themes', v)}
                  error={errorFor('themes')}
                />
              )}
              {programme.target_groups.length > 0 && (
                <CheckboxGroup
                  id={ids.target_groups}
                  name="target_groups"
                  label={t('fields.targetGroups')}
                  options={programme.target_groups.map((g) => ({ value: g.key, label: g.title }))}
                  value={draft.target_groups}
                  onChange={(v) => set('target_groups', v)}
                  error={errorFor('target_groups')}
                />
              )}
            </EditorSection>

            <EditorSection id="editor-context" title={t('practices.sections.context')} guidance={t('practices.editor.guidance.context')}>
              {longText('context', ids.context, t('practices.sections.context'), undefined, true, true)}
            </EditorSection>

            <EditorSection id="editor-approach" title={t('practices.sections.approach')} guidance={t('practices.editor.guidance.approach')}>
              {longText('approach', ids.approach, t('practices.sections.approach'), undefined, true, true)}
            </EditorSection>

            <EditorSection id="editor-products" title={t('practices.sections.products')} guidance={t('practices.editor.guidance.products')}>
              <ProductsEditor
                id={ids.products}
                products={draft.products}
                onChange={(products) => set('products', products)}
                errorFor={errorFor}
                requestFocus={requestFocus}
                announce={setAnnouncement}
              />
            </EditorSection>

            <EditorSection id="editor-resources" title={t('practices.sections.resources')} guidance={t('practices.editor.guidance.resources')}>
              <CountedTextArea
                id={ids.resources}
                label={t('practices.fields.resources')}
                hint={t('practices.editor.guidance.resourcesField')}
                value={draft.resources}
                max={L.resources}
                rows={4}
                error={errorFor('resources')}
                onChange={(e) => set('resources', e.target.value)}
              />
              <div className="field-row field-row-numbers">
                <NumberField
                  id={ids['scale.participants']}
                  label={t('practices.fields.participants')}
                  hint={t('practices.editor.guidance.participants')}
                  value={draft.participants}
                  error={errorFor('scale.participants')}
                  onChange={(v) => set('participants', v)}
                />
                <NumberField
                  id={ids['scale.sites']}
                  label={t('practices.fields.sites')}
                  hint={t('practices.editor.guidance.sites')}
                  value={draft.sites}
                  error={errorFor('scale.sites')}
                  onChange={(v) => set('sites', v)}
                />
                <NumberField
                  id={ids['scale.since_year']}
                  label={t('practices.fields.sinceYear')}
                  hint={t('practices.editor.guidance.sinceYear')}
                  value={draft.since_year}
                  error={errorFor('scale.since_year')}
                  onChange={(v) => set('since_year', v)}
                />
              </div>
            </EditorSection>

            <EditorSection id="editor-evidence" title={t('practices.sections.evidence')} guidance={t('practices.editor.guidance.evidence')}>
              <SelectField
                id={ids['evidence.level']}
                label={t('practices.fields.evidenceLevel')}
                hint={needed}
                value={draft.evidence_level}
                error={errorFor('evidence.level')}
                onChange={(e) => set('evidence_level', e.target.value as PracticeDraft['evidence_level'])}
              >
                <option value="">{t('forms.choose')}</option>
                {EVIDENCE_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {t(`practices.evidence.${level}`)} — {t(`practices.evidenceHint.${level}`)}
                  </option>
                ))}
              </SelectField>
              <CountedTextArea
                id={ids['evidence.description']}
                label={t('practices.fields.evidenceDescription')}
                hint={t('practices.editor.guidance.evidenceDescription')}
                value={draft.evidence_description}
                max={L.evidenceDescription}
                rows={4}
                error={errorFor('evidence.description')}
                onChange={(e) => set('evidence_description', e.target.value)}
              />
              <StringListField
                id={ids['evidence.indicators']}
                legend={t('practices.fields.indicators')}
                hint={t('practices.editor.guidance.indicators')}
                items={draft.indicators}
                onChange={(v) => set('indicators', v)}
                maxItems={L.indicators}
                maxLength={L.indicator}
                itemLabel={(i) => t('practices.fields.indicatorN', { n: i + 1 })}
                addLabel={t('practices.editor.addIndicator')}
                itemErrors={(i) => errorFor(`evidence.indicators[${i}]`)}
                error={errorFor('evidence.indicators')}
                requestFocus={requestFocus}
              />
            </EditorSection>

            <EditorSection id="editor-outcomes" title={t('practices.editor.sections.results')} guidance={t('practices.editor.guidance.results')}>
              {longText('outcomes', ids.outcomes, t('practices.sections.outcomes'), t('practices.editor.guidance.outcomes'))}
              {longText('transferability', ids.transferability, t('practices.sections.transferability'), t('practices.editor.guidance.transferability'))}
              {longText('lessons_learned', ids.lessons_learned, t('practices.sections.lessonsLearned'), t('practices.editor.guidance.lessons'))}
            </EditorSection>

            <EditorSection id="editor-questions" title={t('practices.sections.learningQuestions')} guidance={t('practices.editor.guidance.questions')}>
              <StringListField
                id={ids.learning_questions}
                className="legend-hidden"
                legend={t('practices.sections.learningQuestions')}
                items={draft.learning_questions}
                onChange={(v) => set('learning_questions', v)}
                maxItems={L.learningQuestions}
                maxLength={L.learningQuestion}
                itemLabel={(i) => t('practices.fields.questionN', { n: i + 1 })}
                addLabel={t('practices.editor.addQuestion')}
                itemErrors={(i) => errorFor(`learning_questions[${i}]`)}
                error={errorFor('learning_questions')}
                requestFocus={requestFocus}
                multiline
              />
            </EditorSection>

            <EditorSection id="editor-links" title={t('practices.sections.links')} guidance={t('practices.editor.guidance.links')}>
              <LinksField id={ids.links} links={draft.links} onChange={(v) => set('links', v)} errorFor={errorFor} requestFocus={requestFocus} />
            </EditorSection>

            <EditorSection id="editor-contact" title={t('practices.sections.contact')} guidance={t('practices.editor.guidance.contact')}>
              <div className="field-row">
                <CountedTextField
                  id={ids['contact.name']}
                  label={t('practices.fields.contactName')}
                  hint={needed}
                  autoComplete="name"
                  value={draft.contact_name}
                  max={L.contactName}
                  error={errorFor('contact.name')}
                  onChange={(e) => set('contact_name', e.target.value)}
                />
                <CountedTextField
                  id={ids['contact.email']}
                  label={t('practices.fields.contactEmail')}
                  hint={needed}
                  type="email"
                  autoComplete="email"
                  inputMode="email"
                  value={draft.contact_email}
                  max={L.email}
                  error={errorFor('contact.email')}
                  onChange={(e) => set('contact_email', e.target.value)}
                />
              </div>
            </EditorSection>
          </form>
        </div>

        <aside className="editor-aside" aria-label={t('practices.editor.sideLabel')}>
          <div className="card editor-status-card">
            <SaveStatus state={state} creating={creating} unsaved={unsaved} onRetry={() => void autosave.retry()} />
            <div className="editor-aside-actions">
              {creating ? (
                <Button variant="primary" className="btn-block" onClick={createDraft} pending={create.isPending} pendingLabel={t('practices.editor.creating')}>
                  {t('practices.editor.create')}
                </Button>
              ) : (
                <>
                  {allowed.has('submit') && (
                    <Button variant="primary" className="btn-block" onClick={() => setSubmitOpen(true)} disabled={state.kind === 'conflict' || state.kind === 'locked'}>
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
        {announcement}
      </div>

      {practice && (
        <SubmitDialog
          open={submitOpen}
          onOpenChange={(open) => {
            setSubmitOpen(open);
            if (!open) setSubmitError(null);
          }}
          nextRevision={practice.revision + 1}
          onConfirm={() => void submit()}
          pending={submitting}
          error={submitError}
          missing={missing}
          finalFocus={() => {
            const target = focusAfterDialog.current;
            focusAfterDialog.current = null;
            return target ? document.getElementById(target) : null;
          }}
          goToField={(field) => {
            const id = editorFieldId(field) ?? '';
            return {
              href: `#${id}`,
              onClick: (e) => {
                e.preventDefault();
                // The dialog hands focus to this field as it closes.
                focusAfterDialog.current = id;
                setSubmitOpen(false);
              },
            };
          }}
        />
      )}
      <ConfirmDialog
        open={confirmReload}
        onOpenChange={setConfirmReload}
        title={t('practices.editor.reloadTitle')}
        message={t('practices.editor.reloadMessage')}
        confirmLabel={t('practices.editor.reloadConfirm')}
        onConfirm={() => void reloadLatest()}
        pending={resolving}
      />
      <ConfirmDialog
        open={leaveOpen}
        onOpenChange={(open) => {
          setLeaveOpen(open);
          if (!open) blocker.reset?.();
        }}
        title={t('practices.editor.leaveTitle')}
        message={creating ? t('practices.editor.leaveMessageNew') : t('practices.editor.leaveMessage')}
        confirmLabel={t('practices.editor.leaveConfirm')}
        onConfirm={() => {
          leavingRef.current = true;
          setLeaveOpen(false);
          blocker.proceed?.();
        }}
      />
    </>
  );
}

function NumberField({
  id,
  label,
  hint,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextField id={id} label={label} hint={hint} inputMode="numeric" autoComplete="off" value={value} error={error} onChange={(e) => onChange(e.target.value)} />
  );
}

/** "Saving…", "Saved at 14:02", "Not saved – error": announced politely as it changes. */
function SaveStatus({ state, creating, unsaved, onRetry }: { state: AutosaveState; creating: boolean; unsaved: boolean; onRetry: () => void }) {
  const { t, i18n } = useTranslation();
  let tone = 'neutral';
  let text: string;
  let detail: string | null = null;
  if (creating) {
    text = t('practices.autosave.notCreated');
    detail = t('practices.autosave.notCreatedHint');
  } else {
    switch (state.kind) {
      case 'saving':
        text = t('practices.autosave.saving');
        break;
      case 'saved':
        tone = 'success';
        text = t('practices.autosave.savedAt', { time: formatTime(state.at, i18n.language) });
        break;
      case 'pending':
        text = t('practices.autosave.pending');
        break;
      case 'blocked':
        tone = 'warning';
        text = t('practices.autosave.blocked');
        detail = state.at ? t('practices.autosave.restSavedAt', { time: formatTime(state.at, i18n.language) }) : null;
        break;
      case 'error':
        tone = 'error';
        text = t('practices.autosave.error');
        detail = describeError(state.error, t);
        break;
      case 'conflict':
        tone = 'error';
        text = t('practices.autosave.conflict');
        break;
      case 'locked':
        tone = 'error';
        text = t('practices.autosave.locked');
        break;
      default:
        text = unsaved ? t('practices.autosave.pending') : t('practices.autosave.upToDate');
    }
  }
  return (
    <div className={`save-status save-status-${tone}`}>
      <p className="save-status-text" role="status" aria-live="polite">
        {text}
      </p>
      {detail && <p className="save-status-detail">{detail}</p>}
      {state.kind === 'error' && !creating && (
        <Button size="sm" onClick={onRetry}>
          {t('actions.retry')}
        </Button>
      )}
    </div>
  );
}

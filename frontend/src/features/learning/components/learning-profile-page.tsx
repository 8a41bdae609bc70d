import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '@/api/errors';
import type { Keyed, LearningProfile, LearningTheme, WantLevel } from '@/api/types';
import { Button } from '@/components/ui/button';
import { FormActions, FormAlert, FormNotice } from '@/components/ui/form-fields';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useToast } from '@/components/ui/toast';
import { describeError, describeFieldError } from '@/lib/describe-error';
import { formatDateTime } from '@/lib/format';
import { useProgrammeOutlet } from '@/lib/programme-context';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useVocabulary } from '@/lib/vocabulary';
import { useLearningProfile, useSaveLearningProfile } from '../api/learning';
import { MAX_QUESTIONS, WANT_LEVELS } from './learning-vocabulary';
import '../learning.css';

/**
 * The organisation's learning profile in a programme: `/programmes/:id/learning`. Coordinators
 * read another organisation's with `?organisation=<id>` (linked from the members), never change
 * it: only an organisation's own partners and coordinators write its profile.
 */
export function LearningProfilePage() {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const { programme, canCoordinate } = useProgrammeOutlet();
  const [params] = useSearchParams();
  const other = canCoordinate ? (params.get('organisation') ?? undefined) : undefined;
  const profile = useLearningProfile(programme.id, other);
  const [notice, setNotice] = useState<string | null>(null);
  const canEdit = !other && (canCoordinate || programme.my_roles.includes('partner'));
  const organisation = profile.data?.data.organisation.name ?? '';
  const title = other ? t('learning.profile.ofOrganisation', { organisation }) : t('learning.profile.title');
  useDocumentTitle(`${title} · ${vocabulary.programme(programme).name}`);

  return (
    <section aria-labelledby="learning-profile-heading" className="learning">
      <div className="section-header">
        <h2 id="learning-profile-heading">{title}</h2>
        {other ? (
          <Link className="btn btn-secondary" to={`/programmes/${programme.id}/members`}>
            {t('learning.profile.allMembers')}
          </Link>
        ) : (
          <Link className="btn btn-secondary" to={`/programmes/${programme.id}/matches`}>
            {t('learning.profile.viewMatches')}
          </Link>
        )}
      </div>
      {profile.isPending ? (
        <LoadingState />
      ) : profile.isError ? (
        <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
      ) : programme.themes.length === 0 ? (
        <EmptyState title={t('learning.profile.noThemes')} />
      ) : (
        <>
          {other ? (
            <p className="section-lead muted">{t('learning.profile.otherLead', { organisation })}</p>
          ) : (
            <>
              <p className="section-lead muted">{t('learning.profile.lead', { organisation })}</p>
              {!canEdit && <p className="muted">{t('learning.profile.readOnly')}</p>}
            </>
          )}
          <FormNotice message={notice} />
          {/* A new version (after someone else's change) starts the form again from it. */}
          <LearningProfileForm
            key={`${profile.data.data.organisation.id}:${profile.data.data.version}`}
            programmeId={programme.id}
            profile={profile.data.data}
            etag={profile.data.etag}
            themes={programme.themes}
            canEdit={canEdit}
            onSaved={() => setNotice(null)}
            onStale={() => {
              setNotice(t('learning.profile.stale'));
              void profile.refetch();
            }}
          />
        </>
      )}
    </section>
  );
}

interface FormProps {
  programmeId: string;
  profile: LearningProfile;
  etag: string;
  themes: readonly Keyed[];
  canEdit: boolean;
  onSaved: () => void;
  onStale: () => void;
}

type Draft = Pick<LearningTheme, 'key' | 'offers' | 'wants' | 'questions'>;

function LearningProfileForm({ programmeId, profile, etag, themes, canEdit, onSaved, onStale }: FormProps) {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const toast = useToast();
  const save = useSaveLearningProfile(programmeId);
  const [draft, setDraft] = useState<Draft[]>(() =>
    themes.map((k) => profile.themes.find((th) => th.key === k.key) ?? { key: k.key, offers: false, wants: 'none', questions: [] }),
  );
  const [failure, setFailure] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const organisation = profile.organisation.name;

  const change = (i: number, patch: Partial<Draft>) => setDraft((d) => d.map((row, j) => (j === i ? { ...row, ...patch } : row)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    setFieldErrors({});
    try {
      await save.mutateAsync({
        etag,
        body: { themes: draft.map((row) => ({ ...row, questions: row.questions.map((q) => q.trim()).filter((q) => q !== '') })) },
      });
      toast.show(t('learning.profile.saved'));
      onSaved();
    } catch (error) {
      if (isApiError(error) && (error.status === 412 || error.status === 428)) {
        onStale();
        return;
      }
      if (isApiError(error) && error.fieldErrors.length > 0) {
        const byField: Record<string, string> = {};
        for (const fe of error.fieldErrors) byField[fe.field] ??= describeFieldError(fe, t);
        setFieldErrors(byField);
      }
      setFailure(describeError(error, t));
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="learning-profile-form">
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('learning.profile.caption', { organisation })}>
        <table className="table learning-profile-table">
          <caption className="table-caption">{t('learning.profile.caption', { organisation })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('learning.profile.columns.theme')}</th>
              <th scope="col">{t('learning.profile.columns.offers')}</th>
              <th scope="col">{t('learning.profile.columns.wants')}</th>
              <th scope="col">{t('learning.profile.columns.questions')}</th>
            </tr>
          </thead>
          <tbody>
            {draft.map((row, i) => {
              const theme = vocabulary.titleIn(themes, row.key);
              const rowError = fieldErrors[`themes[${i}].key`] ?? fieldErrors[`themes[${i}].questions`] ?? fieldErrors[`themes[${i}].wants`];
              return (
                <tr key={row.key}>
                  <th scope="row">
                    {theme}
                    {rowError && (
                      <span className="field-error" role="note">
                        {rowError}
                      </span>
                    )}
                  </th>
                  <td>
                    <input
                      type="checkbox"
                      className="checkbox"
                      checked={row.offers}
                      disabled={!canEdit}
                      aria-label={t('learning.profile.offersLabel', { organisation, theme })}
                      onChange={(e) => change(i, { offers: e.target.checked })}
                    />
                  </td>
                  <td>
                    <select
                      className="select"
                      value={row.wants}
                      disabled={!canEdit}
                      aria-label={t('learning.profile.wantsLabel', { organisation, theme })}
                      onChange={(e) => change(i, { wants: e.target.value as WantLevel })}
                    >
                      {WANT_LEVELS.map((level) => (
                        <option key={level} value={level}>
                          {t(`learning.wants.${level}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <ul className="learning-questions">
                      {row.questions.map((q, j) => {
                        const error = fieldErrors[`themes[${i}].questions[${j}]`];
                        const errorId = `learning-q-${i}-${j}-error`;
                        return (
                          <li key={j}>
                            <input
                              type="text"
                              className="input"
                              value={q}
                              maxLength={300}
                              disabled={!canEdit}
                              aria-label={t('learning.profile.questionLabel', { number: j + 1, theme })}
                              aria-invalid={error ? true : undefined}
                              aria-describedby={error ? errorId : undefined}
                              onChange={(e) => change(i, { questions: row.questions.map((x, k) => (k === j ? e.target.value : x)) })}
                            />
                            {canEdit && (
                              <Button
                                type="button"
                                aria-label={t('learning.profile.removeQuestionNamed', { number: j + 1, theme })}
                                onClick={() => change(i, { questions: row.questions.filter((_, k) => k !== j) })}
                              >
                                {t('learning.profile.removeQuestion')}
                              </Button>
                            )}
                            {error && (
                              <span id={errorId} className="field-error">
                                {error}
                              </span>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                    {canEdit && row.questions.length < MAX_QUESTIONS && (
                      <Button
                        type="button"
                        aria-label={t('learning.profile.addQuestionOn', { theme })}
                        onClick={() => change(i, { questions: [...row.questions, ''] })}
                      >
                        {t('learning.profile.addQuestion')}
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('learning.profile.questionsHint', { max: MAX_QUESTIONS })}</p>
      <p className="muted">
        {profile.updated_at
          ? t('learning.profile.lastSaved', { date: formatDateTime(profile.updated_at, i18n.language) })
          : t('learning.profile.notSaved')}
      </p>
      <FormAlert message={failure} />
      {canEdit && (
        <FormActions>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {t('learning.profile.save')}
          </Button>
        </FormActions>
      )}
    </form>
  );
}

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keyedTitle, programmeText } from '@/lib/vocabulary';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/api/errors';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { countryName, formatDate } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useAdaptation, useMoveStage, useProgrammeDetail, useSourcePractice } from '../api/adaptations';
import type { Adaptation, Stage } from '../api/types';
import { AttachmentsSection } from '@/components/attachments/attachments-section';
import { CommentsThread } from '@/components/comments/comments-thread';
import { Crumbs } from './crumbs';
import { FrameSummary } from './frame-summary';
import { FIDELITY_TONES, STAGE_TONES } from './frame-vocabulary';
import { OutcomeForm } from './outcome-form';
import { OutcomesChart } from './outcomes-chart';
import { StageMoveButtons, useStageRuleText } from './stage-board';

/** /adaptations/:id — everything about one adaptation, its follow-ups and its discussion. */
export function AdaptationDetailPage() {
  const { t } = useTranslation('exchange');
  const { id = '' } = useParams();
  const adaptation = useAdaptation(id);
  useDocumentTitle(adaptation.data?.data.title ?? t('detail.title'));

  if (adaptation.isPending) return <LoadingState />;
  if (adaptation.isError) {
    if (isApiError(adaptation.error) && adaptation.error.status === 404) {
      return <EmptyState title={t('detail.notFound')}>{t('detail.notFoundText')}</EmptyState>;
    }
    return <ErrorState error={adaptation.error} onRetry={() => void adaptation.refetch()} />;
  }
  return <AdaptationDetail adaptation={adaptation.data.data} onReload={() => void adaptation.refetch()} />;
}

function AdaptationDetail({ adaptation: a, onReload }: { adaptation: Adaptation; onReload: () => void }) {
  const { t, i18n } = useTranslation('exchange');
  const programme = useProgrammeDetail(a.programme_id);
  const source = useSourcePractice(a.source_practice_id);
  const product = source.data?.products.find((p) => p.id === a.product_id);
  const groups = new Map((programme.data?.data.target_groups ?? []).map((g) => [g.key, keyedTitle(g, i18n.language)]));
  const [addingOutcome, setAddingOutcome] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const toast = useToast();
  const lang = i18n.language;
  const kept = a.frame.core_elements_kept ?? [];
  const changed = a.frame.core_elements_changed ?? [];
  const unanswered = (product?.core_elements ?? []).filter((c) => !kept.includes(c) && !changed.includes(c));
  const outcomes = [...a.outcomes].sort((x, y) => x.recorded_on.localeCompare(y.recorded_on));

  return (
    <article className="adaptation-detail">
      <Crumbs
        items={[
          ...(programme.data ? [{ to: `/programmes/${a.programme_id}`, label: programmeText(programme.data.data, i18n.language).name }] : []),
          { to: `/programmes/${a.programme_id}/adaptations`, label: t('tracker.title') },
        ]}
      />
      <PageHeader
        title={a.title}
        meta={
          <>
            <Badge tone={STAGE_TONES[a.stage]}>
              <span className="visually-hidden">{t('detail.stage')}: </span>
              {t(`stages.${a.stage}`)}
            </Badge>
            <Badge tone={FIDELITY_TONES[a.frame.fidelity] ?? 'neutral'}>
              <span className="visually-hidden">{t('fidelity.label')}: </span>
              {t(`fidelity.values.${a.frame.fidelity}`)}
            </Badge>
            <span>
              {t('detail.adoptedBy', { organisation: a.adopting_organisation.name, country: countryName(a.country, lang) })}
            </span>
          </>
        }
        lead={
          <>
            {t('detail.adaptedFrom')} <Link to={`/practices/${a.source_practice_id}`}>{a.source_practice_title ?? t('tracker.unknownPractice')}</Link>
            {a.source_country && ` (${countryName(a.source_country, lang)})`}
            {product && <> — {t('detail.product', { name: product.name })}</>}
          </>
        }
        actions={
          <>
            <Link to={`/practices/${a.source_practice_id}/lineage`} className="btn btn-secondary">
              {t('detail.lineage')}
            </Link>
            {a.can_edit && (
              <Link to={`/adaptations/${a.id}/edit`} className="btn btn-primary">
                {t('detail.edit')}
              </Link>
            )}
          </>
        }
      />

      {a.can_edit && <StagePanel adaptation={a} onStale={onReload} />}

      <div className="detail-grid">
        <div className="detail-main">
          <section className="detail-block" aria-labelledby="ad-context">
            <h2 id="ad-context">{t('detail.context')}</h2>
            {a.context_description ? (
              a.context_description.split(/\n{2,}/).map((para, i) => <p key={i}>{para}</p>)
            ) : (
              <p className="muted">{t('detail.noContext')}</p>
            )}
            {(a.target_groups ?? []).length > 0 && (
              <>
                <h3 className="h3">{t('detail.targetGroups')}</h3>
                <ul className="chip-list">
                  {(a.target_groups ?? []).map((g) => (
                    <li key={g} className="chip">
                      {groups.get(g) ?? g}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>

          <section className="detail-block" aria-labelledby="ad-frame">
            <h2 id="ad-frame">{t('detail.howAdapted')}</h2>
            <p className="muted">{t('detail.howAdaptedLead')}</p>
            <FrameSummary frame={a.frame} />
          </section>

          <section className="detail-block" aria-labelledby="ad-core">
            <h2 id="ad-core">{t('detail.core')}</h2>
            <p>
              <strong>{t('fidelity.label')}:</strong> {t(`fidelity.values.${a.frame.fidelity}`)} — {t(`fidelity.explain.${a.frame.fidelity}`)}
            </p>
            {kept.length + changed.length + unanswered.length === 0 ? (
              <p className="muted">{a.product_id ? t('detail.noCoreAnswers') : t('core.noProduct')}</p>
            ) : (
              <ul className="core-list">
                {kept.map((c) => (
                  <li key={c} className="core-kept">
                    <span className="core-mark" aria-hidden="true">
                      ✓
                    </span>
                    <span className="core-status">{t('core.answers.kept')}:</span> {c}
                  </li>
                ))}
                {changed.map((c) => (
                  <li key={c} className="core-changed">
                    <span className="core-mark" aria-hidden="true">
                      ✎
                    </span>
                    <span className="core-status">{t('core.answers.changed')}:</span> {c}
                  </li>
                ))}
                {unanswered.map((c) => (
                  <li key={c} className="core-unsure">
                    <span className="core-mark" aria-hidden="true">
                      ?
                    </span>
                    <span className="core-status">{t('core.answers.unsure')}:</span> {c}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="detail-block" aria-labelledby="ad-factors">
            <h2 id="ad-factors">{t('detail.factors')}</h2>
            <div className="factor-columns">
              <div>
                <h3 className="h3">{t('form.barriers.label')}</h3>
                {a.barriers.length === 0 ? (
                  <p className="muted">{t('detail.noneNamed')}</p>
                ) : (
                  <ul className="factor-list factor-barriers">
                    {a.barriers.map((b) => (
                      <li key={b}>{b}</li>
                    ))}
                  </ul>
                )}
              </div>
              <div>
                <h3 className="h3">{t('form.facilitators.label')}</h3>
                {a.facilitators.length === 0 ? (
                  <p className="muted">{t('detail.noneNamed')}</p>
                ) : (
                  <ul className="factor-list factor-facilitators">
                    {a.facilitators.map((f) => (
                      <li key={f}>{f}</li>
                    ))}
                  </ul>
                )}
              </div>
            </div>
          </section>

          <section className="detail-block" aria-labelledby="ad-outcomes">
            <div className="section-header">
              <h2 id="ad-outcomes">{t('outcomes.title')}</h2>
              {a.can_edit && !addingOutcome && (
                <Button ref={addButton} variant="primary" onClick={() => setAddingOutcome(true)}>
                  <span aria-hidden="true">+ </span>
                  {t('outcomes.add')}
                </Button>
              )}
            </div>
            <p className="muted">{t('outcomes.lead')}</p>
            {addingOutcome && (
              <OutcomeForm
                adaptationId={a.id}
                onCancel={() => {
                  setAddingOutcome(false);
                  window.requestAnimationFrame(() => addButton.current?.focus());
                }}
                onSaved={() => {
                  setAddingOutcome(false);
                  toast.show(t('outcomes.saved'));
                  window.requestAnimationFrame(() => document.getElementById('outcomes-table')?.focus());
                }}
              />
            )}
            {outcomes.length === 0 ? (
              <p className="muted">{t('outcomes.empty')}</p>
            ) : (
              <>
                <div className="table-scroll" tabIndex={0} id="outcomes-table" role="region" aria-labelledby="ad-outcomes">
                  <table className="table outcomes-table">
                    <caption className="visually-hidden">{t('outcomes.caption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('outcomes.fields.recorded_on')}</th>
                        <th scope="col">{t('outcomes.fields.participants')}</th>
                        <th scope="col">{t('outcomes.fields.returned_to_work')}</th>
                        <th scope="col">{t('outcomes.fields.in_work_after_6_months')}</th>
                        <th scope="col">{t('outcomes.fields.placements_offered')}</th>
                        <th scope="col">{t('outcomes.fields.satisfaction')}</th>
                        <th scope="col">{t('outcomes.fields.notes')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {outcomes.map((o) => (
                        <tr key={o.id}>
                          <th scope="row">{formatDate(o.recorded_on, lang)}</th>
                          <td>{o.participants}</td>
                          <td>
                            {o.returned_to_work}
                            {o.participants > 0 && <span className="muted"> ({Math.round((o.returned_to_work / o.participants) * 100)}%)</span>}
                          </td>
                          <td>{o.in_work_after_6_months ?? '—'}</td>
                          <td>{o.placements_offered ?? '—'}</td>
                          <td>{o.satisfaction != null ? t('outcomes.satisfactionValue', { value: o.satisfaction }) : '—'}</td>
                          <td>{o.notes || '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {outcomes.length > 0 && <OutcomesChart outcomes={outcomes} />}
              </>
            )}
          </section>

          <AttachmentsSection subject={{ type: 'adaptation', id: a.id }} canUpload={a.can_edit} />
          <CommentsThread subject={{ type: 'adaptation', id: a.id }} canComment />
        </div>
      </div>
    </article>
  );
}

/** The stage of the adaptation and the moves the rules allow, for its organisation. */
function StagePanel({ adaptation, onStale }: { adaptation: Adaptation; onStale: () => void }) {
  const { t } = useTranslation('exchange');
  const { t: tc } = useTranslation();
  const ruleText = useStageRuleText();
  const move = useMoveStage();
  const [pending, setPending] = useState<Stage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const doMove = async (to: Stage) => {
    setProblem(null);
    setPending(to);
    try {
      await move.move(adaptation, to);
      setStatus(t('board.moved', { title: adaptation.title, stage: t(`stages.${to}`) }));
    } catch (error) {
      if (isApiError(error) && error.code === 'invalid_status_transition') setProblem(`${t('board.refused')} ${ruleText(adaptation.stage)}`);
      else if (isApiError(error) && (error.status === 412 || error.status === 428)) {
        setProblem(t('board.stale'));
        onStale();
      } else setProblem(describeError(error, tc));
    } finally {
      setPending(null);
    }
  };
  return (
    <section className="stage-panel" aria-labelledby="stage-panel-title">
      <h2 id="stage-panel-title" className="h3">
        {t('detail.stageNow', { stage: t(`stages.${adaptation.stage}`) })}
      </h2>
      <p className="muted">
        {t(`stageHelp.${adaptation.stage}`)} {ruleText(adaptation.stage)}
      </p>
      <StageMoveButtons adaptation={adaptation} pendingStage={pending} onMove={(to) => void doMove(to)} size="md" />
      <div role="status" aria-live="polite" className="visually-hidden">
        {status}
      </div>
      {problem && (
        <p role="alert" className="alert alert-error">
          {problem}
        </p>
      )}
    </section>
  );
}

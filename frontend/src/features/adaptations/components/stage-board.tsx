import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '@/api/errors';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/describe-error';
import { useMoveStage } from '../api/adaptations';
import type { AdaptationSummary, Stage } from '../api/types';
import { FIDELITY_TONES, STAGES } from './frame-vocabulary';
import { allowedMoves, canMove, moveKind } from './stage-rules';

/** The rule about stage moves, in words, for one adaptation's current stage. */
export function useStageRuleText() {
  const { t, i18n } = useTranslation('exchange');
  return (from: Stage) => {
    const list = new Intl.ListFormat(i18n.language, { type: 'disjunction' }).format(allowedMoves(from).map((s) => t(`stages.${s}`)));
    return t('board.allowedFrom', { from: t(`stages.${from}`), list });
  };
}

/** The buttons that move one adaptation: only the moves the rules allow. */
export function StageMoveButtons({
  adaptation,
  onMove,
  pendingStage,
  size = 'sm',
}: {
  adaptation: Pick<AdaptationSummary, 'title' | 'stage'>;
  onMove: (stage: Stage) => void;
  pendingStage?: Stage | null;
  size?: 'sm' | 'md';
}) {
  const { t } = useTranslation('exchange');
  return (
    <div className="stage-moves" role="group" aria-label={t('board.movesFor', { title: adaptation.title })}>
      {allowedMoves(adaptation.stage).map((to) => {
        const kind = moveKind(adaptation.stage, to);
        const name = t(`stages.${to}`);
        const visible = t(`board.move.${kind}`, { stage: name });
        return (
          <Button
            key={to}
            size={size}
            variant={kind === 'forward' ? 'primary' : kind === 'stop' ? 'ghost' : 'secondary'}
            pending={pendingStage === to}
            disabled={!!pendingStage && pendingStage !== to}
            aria-label={t('board.moveNamed', { action: visible, title: adaptation.title })}
            onClick={() => onMove(to)}
          >
            {kind === 'back' && <span aria-hidden="true">← </span>}
            {visible}
            {kind === 'forward' && <span aria-hidden="true"> →</span>}
          </Button>
        );
      })}
    </div>
  );
}

/**
 * The adaptations by stage, one column per stage. Partners move their own adaptations with the
 * buttons on a card (the keyboard way) or by dragging it onto an allowed column; the server's
 * answer decides, and a refused move is explained in words.
 */
export function StageBoard({ adaptations }: { adaptations: readonly AdaptationSummary[] }) {
  const { t } = useTranslation('exchange');
  const { t: tc } = useTranslation();
  const ruleText = useStageRuleText();
  const move = useMoveStage();
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState<{ id: string; stage: Stage } | null>(null);
  const [dragging, setDragging] = useState<AdaptationSummary | null>(null);
  const [focusTarget, setFocusTarget] = useState<{ id: string; stage: Stage } | null>(null);

  // After a move the card reappears in another column (once the list is reloaded): focus it there.
  useEffect(() => {
    if (!focusTarget) return;
    const card = document.getElementById(`board-card-${focusTarget.id}`);
    if (card && card.dataset.stage === focusTarget.stage) {
      card.focus();
      setFocusTarget(null);
    }
  }, [focusTarget, adaptations]);

  const doMove = async (adaptation: AdaptationSummary, to: Stage) => {
    setProblem(null);
    if (!canMove(adaptation.stage, to)) {
      setProblem(`${t('board.notAllowed', { from: t(`stages.${adaptation.stage}`), to: t(`stages.${to}`) })} ${ruleText(adaptation.stage)}`);
      return;
    }
    if (adaptation.stage === to) return;
    setPending({ id: adaptation.id, stage: to });
    try {
      await move.move(adaptation, to);
      setStatus(t('board.moved', { title: adaptation.title, stage: t(`stages.${to}`) }));
      setFocusTarget({ id: adaptation.id, stage: to });
    } catch (error) {
      if (isApiError(error) && error.code === 'invalid_status_transition') {
        setProblem(`${t('board.refused')} ${ruleText(adaptation.stage)} ${t('board.rule')}`);
      } else if (isApiError(error) && (error.status === 412 || error.status === 428)) {
        setProblem(t('board.stale'));
      } else {
        setProblem(describeError(error, tc));
      }
    } finally {
      setPending(null);
    }
  };

  const onDrop = (e: DragEvent<HTMLElement>, to: Stage) => {
    e.preventDefault();
    const id = e.dataTransfer.getData('text/plain');
    const adaptation = adaptations.find((a) => a.id === id) ?? dragging;
    setDragging(null);
    if (adaptation) void doMove(adaptation, to);
  };

  return (
    <div className="stage-board-wrap">
      <p className="muted stage-board-help">{t('board.help')}</p>
      <div role="status" aria-live="polite" className="visually-hidden">
        {status}
      </div>
      {problem && (
        <div role="alert" className="alert alert-error">
          {problem}
        </div>
      )}
      <div className="stage-board" role="region" aria-label={t('board.region')} tabIndex={0}>
        {STAGES.map((stage) => {
          const items = adaptations.filter((a) => a.stage === stage);
          const droppable = dragging ? canMove(dragging.stage, stage) && dragging.stage !== stage : false;
          return (
            <section
              key={stage}
              className={`stage-column stage-column-${stage}${droppable ? ' stage-column-droppable' : ''}${dragging && !droppable ? ' stage-column-blocked' : ''}`}
              aria-labelledby={`stage-col-${stage}`}
              onDragOver={(e) => {
                if (droppable) e.preventDefault();
              }}
              onDrop={(e) => onDrop(e, stage)}
            >
              <h3 id={`stage-col-${stage}`} className="stage-column-title">
                {t(`stages.${stage}`)} <span className="heading-count">({items.length})</span>
              </h3>
              <p className="stage-column-help">{t(`stageHelp.${stage}`)}</p>
              {items.length === 0 ? (
                <p className="stage-column-empty">{t('board.empty')}</p>
              ) : (
                <ul className="stage-cards">
                  {items.map((a) => (
                    <li key={a.id}>
                      <article
                        id={`board-card-${a.id}`}
                        data-stage={a.stage}
                        tabIndex={-1}
                        className={`stage-card${pending?.id === a.id ? ' stage-card-pending' : ''}`}
                        aria-labelledby={`board-card-title-${a.id}`}
                        draggable={a.can_edit}
                        onDragStart={(e) => {
                          e.dataTransfer.setData('text/plain', a.id);
                          e.dataTransfer.effectAllowed = 'move';
                          setDragging(a);
                        }}
                        onDragEnd={() => setDragging(null)}
                      >
                        <h4 id={`board-card-title-${a.id}`} className="stage-card-title">
                          <Link to={`/adaptations/${a.id}`}>{a.title}</Link>
                        </h4>
                        <p className="stage-card-meta">
                          {a.adopting_organisation.name} · {a.source_country ? `${a.source_country} → ${a.country}` : a.country}
                        </p>
                        <p className="stage-card-meta">
                          <Badge tone={FIDELITY_TONES[a.frame.fidelity] ?? 'neutral'}>{t(`fidelity.values.${a.frame.fidelity}`)}</Badge>
                        </p>
                        {a.can_edit && (
                          <StageMoveButtons
                            adaptation={a}
                            pendingStage={pending?.id === a.id ? pending.stage : null}
                            onMove={(to) => void doMove(a, to)}
                          />
                        )}
                      </article>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}

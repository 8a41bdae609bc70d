import './charts.css';

/** An agreement figure as the API gives it: alpha and its 95 % bootstrap interval (null when undefined). */
export interface IntervalFigure {
  alpha: number | null;
  ci95?: number[] | null;
}

/** The drawing runs from alpha −0.2 (lower values are clamped) to 1. */
const SCALE_MIN = -0.2;
/** Krippendorff's thresholds: tentative conclusions from 0.667, good agreement from 0.8. */
export const AGREEMENT_MARKS = [0.667, 0.8] as const;

const scaleX = (alpha: number, width: number) => ((Math.min(1, Math.max(SCALE_MIN, alpha)) - SCALE_MIN) / (1 - SCALE_MIN)) * width;

/**
 * Alpha's 95 % interval drawn as a bar against the 0.667 and 0.8 marks, with alpha as a dot. The
 * drawing is hidden from screen readers: `text` is shown beside it and `label` read instead.
 * Renders nothing when alpha or its interval is undefined.
 */
export function AgreementInterval({ figure, text, label, width = 120 }: { figure: IntervalFigure; text: string; label: string; width?: number }) {
  const ci = figure.ci95;
  if (!ci || ci.length !== 2 || figure.alpha === null) return null;
  const [low, high] = ci;
  return (
    <span className="agreement-interval">
      <svg width={width} height={16} viewBox={`0 0 ${width} 16`} aria-hidden="true" focusable="false">
        <line x1={0} x2={width} y1={8} y2={8} stroke="var(--border, #c8cdd3)" strokeWidth={2} />
        {AGREEMENT_MARKS.map((m) => (
          <line key={m} x1={scaleX(m, width)} x2={scaleX(m, width)} y1={2} y2={14} stroke="var(--muted, #6b7280)" strokeWidth={1} />
        ))}
        <rect x={scaleX(low, width)} y={5} width={Math.max(2, scaleX(high, width) - scaleX(low, width))} height={6} rx={2} fill="var(--accent, #1d4ed8)" />
        <circle cx={scaleX(figure.alpha, width)} cy={8} r={3.5} fill="var(--text, #111827)" />
      </svg>{' '}
      <span className="muted">{text}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

import './charts.css';

/** A share with its 95 % interval as the API gives it (rate and ci95 are null without participants). */
export interface RateFigure {
  rate: number | null;
  ci95?: number[] | null;
}

const scaleX = (share: number, width: number) => Math.min(1, Math.max(0, share)) * width;

/**
 * A share and its 95 % interval drawn on a scale from 0 to 100 %: a bar from the lower to the
 * upper limit, the observed share as a dot, and ticks at 0, 25, 50, 75 and 100 %. Plain SVG with
 * no animation, so it prints as it shows. The drawing is hidden from screen readers: `text` is
 * shown beside it and `label` read instead. Renders nothing without a share.
 */
export function RateInterval({ figure, text, label, width = 140 }: { figure: RateFigure; text: string; label: string; width?: number }) {
  const ci = figure.ci95;
  if (!ci || ci.length !== 2 || figure.rate === null) return null;
  const [low, high] = ci;
  return (
    <span className="rate-interval">
      <svg width={width} height={16} viewBox={`0 0 ${width} 16`} aria-hidden="true" focusable="false" data-low={low} data-high={high}>
        <line x1={0} x2={width} y1={8} y2={8} stroke="var(--border, #c8cdd3)" strokeWidth={2} />
        {[0, 0.25, 0.5, 0.75, 1].map((m) => (
          <line key={m} x1={scaleX(m, width)} x2={scaleX(m, width)} y1={4} y2={12} stroke="var(--muted, #6b7280)" strokeWidth={1} />
        ))}
        <rect
          className="rate-interval-bar"
          x={scaleX(low, width)}
          y={5}
          width={Math.max(2, scaleX(high, width) - scaleX(low, width))}
          height={6}
          rx={2}
          fill="var(--accent, #0b5c6b)"
        />
        <circle cx={scaleX(figure.rate, width)} cy={8} r={3.5} fill="var(--text, #111827)" />
      </svg>{' '}
      <span className="muted">{text}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

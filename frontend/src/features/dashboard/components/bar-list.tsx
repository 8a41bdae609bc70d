import type { ReactNode } from 'react';

export interface BarItem {
  key: string;
  label: ReactNode;
  count: number;
  /** The bar's own colour, where the items carry meaning of their own (good to bad). */
  colour?: string;
}

/**
 * Horizontal bars as a list: each item says its label and its number in text; the bar is
 * decoration, scaled to the largest number.
 */
export function BarList({ items, label, empty, tone = 'primary' }: { items: readonly BarItem[]; label: string; empty: string; tone?: 'primary' | 'warning' | 'success' | 'accent' }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <ul className={`bar-list bar-list-${tone}`} aria-label={label}>
      {items.map((item) => (
        <li key={item.key} className="bar-item">
          <span className="bar-label">{item.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${Math.max(2, (item.count / max) * 100)}%`, background: item.colour }} />
          </span>
          <span className="bar-value">{item.count}</span>
        </li>
      ))}
    </ul>
  );
}

import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Change, Keyed } from '@/api/types';
import { countryName, languageName } from '@/lib/format';
import { describeFieldPath } from './field-names';
import { titleOf } from '@/lib/vocabulary';

export interface DiffVocabulary {
  themes?: readonly Keyed[];
  targetGroups?: readonly Keyed[];
}

type Piece = { kind: 'same' | 'added' | 'removed'; value: unknown };

const key = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Item-by-item difference of two lists (longest common subsequence), in the new list's order. */
export function diffLists(before: readonly unknown[], after: readonly unknown[]): Piece[] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i][j] = key(before[i]) === key(after[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: Piece[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (key(before[i]) === key(after[j])) {
      out.push({ kind: 'same', value: after[j] });
      i += 1;
      j += 1;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      out.push({ kind: 'removed', value: before[i] });
      i += 1;
    } else {
      out.push({ kind: 'added', value: after[j] });
      j += 1;
    }
  }
  while (i < n) out.push({ kind: 'removed', value: before[i++] });
  while (j < m) out.push({ kind: 'added', value: after[j++] });
  return out;
}

/** A value as a reader would say it: titles for keys, names for codes, labels for choices. */
function formatValue(path: string, value: unknown, t: TFunction, ui: string, vocab: DiffVocabulary): string {
  const leaf = path.replace(/\[\d+\]$/, '').split('.').pop() ?? path;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return new Intl.NumberFormat(ui).format(value);
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value !== 'string') return JSON.stringify(value);
  if (path === 'evidence.level') return t(`practices.evidence.${value}`, { defaultValue: value });
  if (leaf === 'kind' && path.startsWith('products')) return t(`practices.productKinds.${value}`, { defaultValue: value });
  if (leaf === 'themes') return titleOf(vocab.themes, value, ui);
  if (leaf === 'target_groups') return titleOf(vocab.targetGroups, value, ui);
  if (leaf === 'language') return languageName(value, ui);
  if (leaf === 'country') return countryName(value, ui);
  if (leaf === 'status' && path.startsWith('translations.')) return t(`practices.translationStatus.${value}`, { defaultValue: value });
  return value;
}

function ChangeValue({ change, vocab }: { change: Change; vocab: DiffVocabulary }) {
  const { t, i18n } = useTranslation();
  const format = (v: unknown) => formatValue(change.field, v, t, i18n.language, vocab);
  const { before, after } = change;
  if (Array.isArray(before) || Array.isArray(after)) {
    const pieces = diffLists(Array.isArray(before) ? before : before == null ? [] : [before], Array.isArray(after) ? after : after == null ? [] : [after]);
    return (
      <ul className="diff-items">
        {pieces.map((piece, i) => (
          <li key={i} className={`diff-item-${piece.kind}`}>
            {piece.kind === 'removed' ? (
              <del>
                <span className="visually-hidden">{t('practices.diff.removedItem')} </span>
                {format(piece.value)}
              </del>
            ) : piece.kind === 'added' ? (
              <ins>
                <span className="visually-hidden">{t('practices.diff.addedItem')} </span>
                {format(piece.value)}
              </ins>
            ) : (
              <span>{format(piece.value)}</span>
            )}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className="diff-values">
      {before !== undefined && before !== null && (
        <div className="diff-before">
          <span className="diff-label">{after === undefined || after === null ? t('practices.diff.removed') : t('practices.diff.before')}</span>
          <del className="diff-text">{format(before)}</del>
        </div>
      )}
      {after !== undefined && after !== null && (
        <div className="diff-after">
          <span className="diff-label">{before === undefined || before === null ? t('practices.diff.added') : t('practices.diff.after')}</span>
          <ins className="diff-text">{format(after)}</ins>
        </div>
      )}
    </div>
  );
}

/** The order of the practice page, so that changes read from top to bottom. */
const FIELD_ORDER = [
  'title',
  'summary',
  'language',
  'country',
  'themes',
  'target_groups',
  'context',
  'approach',
  'products',
  'resources',
  'scale',
  'evidence',
  'outcomes',
  'transferability',
  'lessons_learned',
  'learning_questions',
  'links',
  'contact',
  'translations',
];
const LEAF_ORDER = ['level', 'name', 'kind', 'description', 'indicators', 'core_elements'];

function rank(path: string): number[] {
  const top = FIELD_ORDER.indexOf(path.split(/[.[]/)[0]);
  const index = Number(/\[(\d+)\]/.exec(path)?.[1] ?? -1);
  const leaf = LEAF_ORDER.indexOf(path.split('.').pop()?.replace(/\[\d+\]$/, '') ?? '');
  return [top < 0 ? FIELD_ORDER.length : top, index, leaf < 0 ? LEAF_ORDER.length : leaf];
}

export function byReadingOrder(a: Change, b: Change): number {
  const ra = rank(a.field);
  const rb = rank(b.field);
  for (let i = 0; i < ra.length; i += 1) if (ra[i] !== rb[i]) return ra[i] - rb[i];
  return a.field.localeCompare(b.field, undefined, { numeric: true });
}

/** What changed between two revisions, field by field, in words. */
export function RevisionDiff({ changes, from, to, vocabulary = {} }: { changes: Change[]; from: number; to: number; vocabulary?: DiffVocabulary }) {
  const { t, i18n } = useTranslation();
  // Product ids are bookkeeping, not text anyone wrote.
  const shown = changes
    .filter((c) => !/^products\[\d+\]\.id$/.test(c.field) && !/\.updated_(at|by)$/.test(c.field))
    .sort(byReadingOrder);
  return (
    <div className="revision-diff">
      <h3 className="h3" id="revision-diff-title">
        {t('practices.diff.title', { from, to })}
      </h3>
      {shown.length === 0 ? (
        <p className="muted">{t('practices.diff.none')}</p>
      ) : (
        <>
          <p className="muted">{t('practices.diff.count', { count: shown.length })}</p>
          <ol className="diff-list" aria-labelledby="revision-diff-title">
            {shown.map((change) => (
              <li key={change.field} className="diff-change">
                <h4 className="diff-field">{describeFieldPath(change.field, t, i18n.language)}</h4>
                <ChangeValue change={change} vocab={vocabulary} />
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

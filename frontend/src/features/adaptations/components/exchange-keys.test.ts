import { describe, expect, it } from 'vitest';
import dashboardEn from '@/i18n/locales/dashboard.en.json';
import en from '@/i18n/locales/exchange.en.json';
import {
  FRAME_CONTENT_MODIFICATIONS,
  FRAME_CONTEXT_MODIFICATIONS,
  FRAME_DECIDED_BY,
  FRAME_FIDELITY,
  FRAME_GOALS,
  FRAME_LEVEL,
  FRAME_PLANNED,
  FRAME_REASONS,
  FRAME_WHAT,
  FRAME_WHEN,
  NEW_PRODUCT_STATUSES,
  PRODUCT_KINDS,
  REASON_LEVELS,
  STAGES,
} from './frame-vocabulary';

type Tree = { [key: string]: string | Tree };
const keys = new Set<string>();
(function walk(tree: Tree, prefix: string) {
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') keys.add(path.replace(/_(one|other)$/, ''));
    else walk(v, path);
  }
})({ ...en, ...dashboardEn } as Tree, '');

// Every source file of the two features that use the namespace.
const sources = import.meta.glob(['../../adaptations/**/*.tsx', '../../dashboard/**/*.tsx', '!**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

describe('exchange strings', () => {
  it('every literal key the features use exists in English', () => {
    const missing: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      // t('a.b') and t("a.b"), but not the default namespace (tc).
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        if (!keys.has(m[1])) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('every FRAME choice has a label and a plain-language explanation', () => {
    const fields: [string, readonly string[]][] = [
      ['when', FRAME_WHEN],
      ['planned', FRAME_PLANNED],
      ['decided_by', FRAME_DECIDED_BY],
      ['what', FRAME_WHAT],
      ['level', FRAME_LEVEL],
      ['context_modifications', FRAME_CONTEXT_MODIFICATIONS],
      ['content_modifications', FRAME_CONTENT_MODIFICATIONS],
      ['goals', FRAME_GOALS],
    ];
    const missing: string[] = [];
    for (const [field, values] of fields) {
      for (const k of ['legend', 'help']) if (!keys.has(`frame.${field}.${k}`)) missing.push(`frame.${field}.${k}`);
      for (const v of values) {
        for (const k of ['label', 'hint']) if (!keys.has(`frame.${field}.options.${v}.${k}`)) missing.push(`frame.${field}.options.${v}.${k}`);
      }
    }
    for (const level of REASON_LEVELS) {
      for (const k of ['label', 'hint']) if (!keys.has(`frame.reasons.levels.${level}.${k}`)) missing.push(level);
      for (const r of FRAME_REASONS[level]) for (const k of ['label', 'hint']) if (!keys.has(`frame.reasons.options.${r}.${k}`)) missing.push(r);
    }
    for (const f of FRAME_FIDELITY) for (const k of ['values', 'explain', 'short']) if (!keys.has(`fidelity.${k}.${f}`)) missing.push(`fidelity.${k}.${f}`);
    for (const s of STAGES) for (const k of ['stages', 'stageHelp']) if (!keys.has(`${k}.${s}`)) missing.push(`${k}.${s}`);
    for (const s of NEW_PRODUCT_STATUSES) if (!keys.has(`newProducts.statuses.${s}`)) missing.push(s);
    for (const k of PRODUCT_KINDS) if (!keys.has(`productKinds.${k}`)) missing.push(k);
    for (const w of FRAME_WHEN) if (!keys.has(`summary.when.${w}`)) missing.push(`summary.when.${w}`);
    for (const p of FRAME_PLANNED) if (!keys.has(`summary.planned.${p}`)) missing.push(`summary.planned.${p}`);
    expect(missing).toEqual([]);
  });
});

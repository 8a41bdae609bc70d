import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '@/lib/format';
import type { Lineage, LineageAdaptation, NewProduct, Stage } from '../api/types';
import { isStage, STAGE_COLOURS, STAGES } from './frame-vocabulary';

const NODE_W = 236;
const NODE_H = 84;
const ROW_GAP = 26;
const PAD = 16;
const GAP_PRODUCTS = 56;
const GAP_ADOPTERS = 210;
const GAP_NEW = 96;

export type NodeKind = 'practice' | 'product' | 'adopter' | 'new-product';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  x: number;
  y: number;
  title: string;
  subtitle: string;
  country?: string;
}

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  stage?: Stage;
  label?: string;
  dashed?: boolean;
  /** Several edges between the same two nodes: their labels are spread out. */
  offset: number;
}

export interface AdopterGroup {
  key: string;
  organisationId: string;
  organisation: string;
  country: string;
  adaptations: LineageAdaptation[];
}

/** One adopter per organisation and country, in the order they first adapted the practice. */
export function adopterGroups(adaptations: readonly LineageAdaptation[]): AdopterGroup[] {
  const groups = new Map<string, AdopterGroup>();
  const sorted = [...adaptations].sort((a, b) => (a.created_at ?? '').localeCompare(b.created_at ?? ''));
  for (const a of sorted) {
    const key = `${a.adopting_organisation_id}|${a.country}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, organisationId: a.adopting_organisation_id, organisation: a.adopting_organisation ?? '', country: a.country, adaptations: [] };
      groups.set(key, group);
    }
    group.adaptations.push(a);
  }
  return [...groups.values()];
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Breaks a text into at most `lines` lines of about `width` characters, the last one cut. */
export function wrapText(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let current = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i];
    const next = current ? `${current} ${word}` : word;
    if (next.length <= width || !current) {
      current = next;
      continue;
    }
    out.push(current);
    current = word;
    if (out.length === lines - 1) {
      current = words.slice(i).join(' ');
      break;
    }
  }
  if (current) out.push(current);
  return out.slice(0, lines).map((line) => truncate(line, width));
}

function column(count: number, height: number): number[] {
  const used = count * NODE_H + Math.max(0, count - 1) * ROW_GAP;
  const top = PAD + (height - used) / 2;
  return Array.from({ length: count }, (_, i) => top + i * (NODE_H + ROW_GAP));
}

export interface LineageLayout {
  width: number;
  height: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  adopters: AdopterGroup[];
}

/**
 * Places the practice on the left, its products next to it, one node per adopting organisation
 * and country to the right, and the new products that came out of it at the end; an edge per
 * adaptation, labelled with its stage and fidelity.
 */
export function layoutLineage(
  lineage: Lineage,
  labels: { stage: (s: string) => string; fidelity: (f: string) => string; country: (c: string) => string; productKind: (k: string) => string; newStatus: (s: string) => string },
): LineageLayout {
  const products = lineage.products;
  const adopters = adopterGroups(lineage.adaptations);
  const adaptationIds = new Set(lineage.adaptations.map((a) => a.id));
  const newProducts = lineage.new_products;

  const rows = Math.max(1, products.length, adopters.length, newProducts.length);
  const inner = rows * NODE_H + (rows - 1) * ROW_GAP;
  const height = inner + PAD * 2;

  const xPractice = PAD;
  const xProducts = xPractice + NODE_W + GAP_PRODUCTS;
  const xAdopters = (products.length > 0 ? xProducts + NODE_W : xPractice + NODE_W) + GAP_ADOPTERS;
  const xNew = xAdopters + NODE_W + GAP_NEW;
  const width = (newProducts.length > 0 ? xNew + NODE_W : xAdopters + NODE_W) + PAD;

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const practiceNode: GraphNode = {
    id: `practice-${lineage.practice.id}`,
    kind: 'practice',
    x: xPractice,
    y: column(1, inner)[0],
    title: lineage.practice.title,
    subtitle: `${lineage.practice.organisation.name} · ${labels.country(lineage.practice.country)}`,
    country: lineage.practice.country,
  };
  nodes.push(practiceNode);

  const productY = column(products.length, inner);
  products.forEach((p, i) => {
    nodes.push({ id: `product-${p.id}`, kind: 'product', x: xProducts, y: productY[i], title: p.name, subtitle: labels.productKind(p.kind) });
    edges.push({ id: `e-practice-${p.id}`, from: practiceNode.id, to: `product-${p.id}`, offset: 0 });
  });

  const adopterY = column(adopters.length, inner);
  const pairCount = new Map<string, number>();
  adopters.forEach((g, i) => {
    const id = `adopter-${g.key}`;
    nodes.push({
      id,
      kind: 'adopter',
      x: xAdopters,
      y: adopterY[i],
      title: g.organisation,
      subtitle: labels.country(g.country),
      country: g.country,
    });
    for (const a of g.adaptations) {
      const from = a.product_id && products.some((p) => p.id === a.product_id) ? `product-${a.product_id}` : practiceNode.id;
      const pair = `${from}>${id}`;
      const offset = pairCount.get(pair) ?? 0;
      pairCount.set(pair, offset + 1);
      edges.push({
        id: `e-${a.id}`,
        from,
        to: id,
        stage: isStage(a.stage) ? a.stage : undefined,
        label: `${labels.stage(a.stage)} · ${labels.fidelity(a.fidelity || 'unknown')}`,
        offset,
      });
    }
  });

  const newY = column(newProducts.length, inner);
  newProducts.forEach((n: NewProduct, i) => {
    const id = `new-${n.id}`;
    nodes.push({ id, kind: 'new-product', x: xNew, y: newY[i], title: n.title, subtitle: labels.newStatus(n.status) });
    const fromAdopters = new Set<string>();
    for (const aid of n.derived_from_adaptation_ids) {
      if (!adaptationIds.has(aid)) continue;
      const g = adopters.find((x) => x.adaptations.some((a) => a.id === aid));
      if (g) fromAdopters.add(`adopter-${g.key}`);
    }
    for (const from of fromAdopters) edges.push({ id: `e-${from}-${n.id}`, from, to: id, offset: 0 });
    if (fromAdopters.size === 0) edges.push({ id: `e-inspired-${n.id}`, from: practiceNode.id, to: id, dashed: true, offset: 0 });
  });

  return { width, height, nodes, edges, adopters };
}

function labelWidth(text: string): number {
  return Math.min(GAP_ADOPTERS - 12, text.length * 6.4 + 14);
}

/**
 * The lineage as an SVG diagram. It is one image for assistive technology (title and
 * description); the panel around it gives the same content as a list.
 */
export function LineageGraph({ lineage, titleText, descText }: { lineage: Lineage; titleText: string; descText: string }) {
  const { t, i18n } = useTranslation('exchange');
  const uid = useId().replace(/:/g, '');
  const layout = layoutLineage(lineage, {
    stage: (s) => (isStage(s) ? t(`stages.${s}`) : s),
    fidelity: (f) => t(`fidelity.short.${f}`, { defaultValue: f }),
    country: (c) => countryName(c, i18n.language),
    productKind: (k) => t(`productKinds.${k}`, { defaultValue: k }),
    newStatus: (s) => t(`newProducts.statuses.${s}`, { defaultValue: s }),
  });
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const titleId = `lg-title-${uid}`;
  const descId = `lg-desc-${uid}`;

  return (
    <svg
      className="lineage-graph"
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      style={{ maxWidth: '100%', height: 'auto' }}
      preserveAspectRatio="xMinYMid meet"
    >
      <title id={titleId}>{titleText}</title>
      <desc id={descId}>{descText}</desc>
      <defs>
        {[...STAGES, 'none' as const].map((s) => (
          <marker key={s} id={`arrow-${uid}-${s}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={s === 'none' ? '#7b8794' : STAGE_COLOURS[s]} />
          </marker>
        ))}
      </defs>
      <g className="lineage-edges">
        {layout.edges.map((e) => {
          const a = byId.get(e.from)!;
          const b = byId.get(e.to)!;
          const x1 = a.x + NODE_W;
          const y1 = a.y + NODE_H / 2;
          const x2 = b.x - 2;
          const y2 = b.y + NODE_H / 2;
          const dx = Math.max(30, (x2 - x1) / 2);
          const colour = e.stage ? STAGE_COLOURS[e.stage] : '#7b8794';
          const mx = (x1 + x2) / 2;
          const my = (y1 + y2) / 2 + e.offset * 22;
          const w = e.label ? labelWidth(e.label) : 0;
          return (
            <g key={e.id} className="lineage-edge" data-stage={e.stage}>
              <path
                d={`M ${x1} ${y1} C ${x1 + dx} ${y1}, ${x2 - dx} ${y2}, ${x2} ${y2}`}
                fill="none"
                stroke={colour}
                strokeWidth={e.stage ? 2.5 : 1.5}
                strokeDasharray={e.dashed ? '6 4' : undefined}
                markerEnd={`url(#arrow-${uid}-${e.stage ?? 'none'})`}
              />
              {e.label && (
                <g className="lineage-edge-label">
                  <rect x={mx - w / 2} y={my - 10} width={w} height={20} rx={10} fill="#ffffff" stroke={colour} />
                  <text x={mx} y={my + 4} textAnchor="middle" fill={colour} fontSize="11.5" fontWeight="600">
                    {truncate(e.label, 30)}
                  </text>
                </g>
              )}
            </g>
          );
        })}
      </g>
      <g className="lineage-nodes">
        {layout.nodes.map((n) => (
          <g key={n.id} className={`lineage-node lineage-node-${n.kind}`} data-node-kind={n.kind} data-country={n.country} transform={`translate(${n.x} ${n.y})`}>
            <title>{`${n.title} — ${n.subtitle}`}</title>
            <rect width={NODE_W} height={NODE_H} rx={10} />
            <text x={12} y={18} className="lineage-node-kind" fontSize="10.5">
              {t(`lineage.kinds.${n.kind}`)}
            </text>
            <text x={12} y={36} className="lineage-node-title" fontSize="13.5" fontWeight="650">
              {wrapText(n.title, 27, 2).map((line, i) => (
                <tspan key={i} x={12} dy={i === 0 ? 0 : 17}>
                  {line}
                </tspan>
              ))}
            </text>
            <text x={12} y={73} className="lineage-node-sub" fontSize="12">
              {truncate(n.subtitle, 34)}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

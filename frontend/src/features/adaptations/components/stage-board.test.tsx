import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import { json, mockFetch, problem } from '@/test/fetch-mock';
import { programme, tokenPair, user } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import type { AdaptationSummary, Stage } from '../api/types';
import { StageBoard } from './stage-board';
import { allowedMoves, canMove, STAGE_MOVES } from './stage-rules';

function adaptation(id: string, title: string, stage: Stage, canEdit = true): AdaptationSummary {
  return {
    id,
    programme_id: programme.id,
    source_practice_id: '9a8b7c6d-0000-4000-8000-000000000200',
    source_practice_title: 'Rentree',
    source_country: 'BE',
    product_id: null,
    adopting_organisation: { id: 'org-nl', name: 'Stichting Werkbrug', country: 'NL' },
    country: 'NL',
    title,
    stage,
    frame: {
      fidelity: 'unknown',
      when: '',
      planned: '',
      decided_by: [],
      what: [],
      level: '',
      context_modifications: [],
      content_modifications: [],
      core_elements_kept: [],
      core_elements_changed: [],
      goals: [],
      reasons: {},
    },
    target_groups: [],
    latest_outcome: null,
    outcome_count: 0,
    can_edit: canEdit,
    version: 3,
    created_at: '2026-03-01T10:00:00Z',
    updated_at: '2026-03-02T10:00:00Z',
  };
}

const ids = { a: '00000000-0000-4000-8000-00000000000a', b: '00000000-0000-4000-8000-00000000000b', c: '00000000-0000-4000-8000-00000000000c' };
const items = [
  adaptation(ids.a, 'Werkbrug traject', 'exploring'),
  adaptation(ids.b, 'Cork coaching', 'evaluating'),
  adaptation(ids.c, 'Lyon parcours', 'implementing', false),
];

function renderBoard(patch = (body: unknown) => json({ ...items[0], ...(body as object), version: 4 }, { headers: { ETag: '"4"' } })) {
  sessionStore.setTokens(tokenPair());
  const net = mockFetch([
    { method: 'GET', path: '/api/v1/me', respond: () => json(user) },
    { method: 'PATCH', path: `/api/v1/adaptations/${ids.a}`, respond: (req) => patch(req.body) },
  ]);
  renderWithProviders(<StageBoard adaptations={items} />);
  return net;
}

function card(title: string) {
  return screen.getByRole('article', { name: title });
}

function moveButtons(title: string) {
  const group = within(card(title)).queryByRole('group', { name: `Move “${title}”` });
  return group ? within(group).getAllByRole('button').map((b) => b.textContent) : [];
}

describe('stage rules', () => {
  it('allow one step forward, back to earlier stages, and discontinuing', () => {
    expect(allowedMoves('exploring')).toEqual(['planning', 'discontinued']);
    expect(canMove('exploring', 'implementing')).toBe(false);
    expect(canMove('evaluating', 'planning')).toBe(true);
    expect(canMove('sustained', 'exploring')).toBe(false);
    expect(canMove('discontinued', 'planning')).toBe(true);
    for (const [from, to] of Object.entries(STAGE_MOVES)) expect(to).not.toContain(from);
  });
});

describe('stage board', { timeout: 20_000 }, () => {
  it('has a column per stage and offers only the allowed moves, on the partner’s own cards', () => {
    renderBoard();
    for (const name of ['Exploring', 'Planning', 'Implementing', 'Evaluating', 'Sustained', 'Discontinued']) {
      expect(screen.getByRole('heading', { name: new RegExp(`^${name} \\(\\d\\)$`) })).toBeInTheDocument();
    }
    expect(moveButtons('Werkbrug traject')).toEqual(['To Planning →', 'Discontinue']);
    expect(moveButtons('Cork coaching')).toEqual(['To Sustained →', '← Back to Implementing', '← Back to Planning', 'Discontinue']);
    // Someone else's adaptation cannot be moved from here.
    expect(moveButtons('Lyon parcours')).toEqual([]);
    expect(within(card('Werkbrug traject')).getByRole('button', { name: 'To Planning: Werkbrug traject' })).toBeInTheDocument();
  });

  it('moves a card with If-Match and announces it', async () => {
    const { calls } = renderBoard();
    await userEvent.setup().click(screen.getByRole('button', { name: 'To Planning: Werkbrug traject' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).toEqual({ stage: 'planning' });
    expect(patch.headers.get('If-Match')).toBe('"3"');
    expect(await screen.findByText('“Werkbrug traject” moved to Planning.')).toBeInTheDocument();
  });

  it('explains a refused move in words', async () => {
    renderBoard(() =>
      problem(409, { code: 'invalid_status_transition', detail: 'An adaptation cannot move from exploring to planning.' }),
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'To Planning: Werkbrug traject' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This move is not allowed. From Exploring it can move to Planning or Discontinued.');
    expect(alert).toHaveTextContent('Adaptations move one stage forward at a time, may go back to an earlier stage');
  });
});

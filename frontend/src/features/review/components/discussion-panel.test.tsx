import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DiscussionPost } from '@/api/review-types';
import { json, mockFetch, problem } from '@/test/fetch-mock';
import { practice } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { round } from '@/test/review-fixtures';
import { DiscussionPanel } from './discussion-panel';

const path = `/api/v1/rounds/${round.id}/practices/${practice.id}/discussion`;

function post(overrides: Partial<DiscussionPost>): DiscussionPost {
  return {
    id: 'p1',
    round_id: round.id,
    practice_id: practice.id,
    body: '',
    author: { role: 'reviewer' },
    mine: false,
    created_at: '2026-03-12T09:30:00Z',
    ...overrides,
  };
}

// As the server shows a blind round to the second reviewer: the other reviewer by label only.
const posts: DiscussionPost[] = [
  post({ id: 'p1', body: 'I scored evidence low.', author: { label: 'Reviewer A', role: 'reviewer' } }),
  post({ id: 'p2', body: 'The evaluation report convinced me.', author: { id: 'u2', name: 'Claire Dubois', label: 'Reviewer B', role: 'reviewer' }, mine: true }),
  post({ id: 'p3', body: 'Could you agree on evidence?', author: { id: 'u3', name: 'Anna Peeters', role: 'coordinator' } }),
];

describe('DiscussionPanel', () => {
  it('names a blind reviewer by label, marks the reader’s own post, names the coordinator, and posts once per message', async () => {
    const { calls } = mockFetch([
      { method: 'GET', path, respond: () => json({ items: posts, page: 1, page_size: 50, total: 3 }) },
      {
        method: 'POST',
        path,
        respond: (req) =>
          json(post({ id: 'p4', body: (req.body as { body: string }).body, author: { id: 'u2', name: 'Claire Dubois', label: 'Reviewer B', role: 'reviewer' }, mine: true }), {
            status: 201,
          }),
      },
    ]);
    renderWithProviders(<DiscussionPanel roundId={round.id} practiceId={practice.id} />);
    const u = userEvent.setup();

    const list = await screen.findByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Reviewer A');
    expect(items[0]).toHaveTextContent('I scored evidence low.');
    expect(items[1]).toHaveTextContent('You (Reviewer B)');
    expect(items[2]).toHaveTextContent('Anna Peeters (coordinator)');
    expect(screen.getByText(/The practice’s organisation never sees it/)).toBeInTheDocument();

    // An empty message is stopped before it is sent.
    await u.click(screen.getByRole('button', { name: 'Send message' }));
    expect(await screen.findByText('Write a message first.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await u.type(screen.getByRole('textbox', { name: 'Your message' }), '  Agreed, let us settle on 3.  ');
    await u.click(screen.getByRole('button', { name: 'Send message' }));
    const sent = calls.filter((c) => c.method === 'POST');
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toEqual({ body: 'Agreed, let us settle on 3.' });
    expect(sent[0].headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await screen.findByRole('textbox', { name: 'Your message' })).toHaveValue('');
  });

  it('says the discussion is not open when the server answers 404, and offers no form', async () => {
    mockFetch([{ method: 'GET', path, respond: () => problem(404, { code: 'not_found' }) }]);
    renderWithProviders(<DiscussionPanel roundId={round.id} practiceId={practice.id} />);
    expect(await screen.findByText('The discussion opens to you once you have submitted your review.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('shows the server’s field error on the message', async () => {
    mockFetch([
      { method: 'GET', path, respond: () => json({ items: [], page: 1, page_size: 50, total: 0 }) },
      {
        method: 'POST',
        path,
        respond: () => problem(400, { code: 'validation_failed', errors: [{ field: 'body', code: 'max', message: 'is too long' }] }),
      },
    ]);
    renderWithProviders(<DiscussionPanel roundId={round.id} practiceId={practice.id} />);
    const u = userEvent.setup();
    expect(await screen.findByText(/No messages yet/)).toBeInTheDocument();
    await u.type(screen.getByRole('textbox', { name: 'Your message' }), 'Hello');
    await u.click(screen.getByRole('button', { name: 'Send message' }));
    expect(await screen.findByRole('textbox', { name: 'Your message' })).toHaveAttribute('aria-invalid', 'true');
  });
});

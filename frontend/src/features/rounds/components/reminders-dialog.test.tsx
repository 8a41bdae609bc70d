import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ReminderResult } from '@/api/review-types';
import { json, mockFetch, problem } from '@/test/fetch-mock';
import { renderWithProviders } from '@/test/render';
import { round } from '@/test/review-fixtures';
import { RemindersDialog } from './reminders-dialog';

const path = `/api/v1/rounds/${round.id}/reminders`;

const result: ReminderResult = {
  sent: [
    {
      reviewer_id: 'r1',
      name: 'Jonas Weber',
      practices: [
        { practice_id: 'p1', title: 'Back to work after cancer', due_at: '2026-04-01T12:00:00Z' },
        { practice_id: 'p2', title: 'Second track placements', due_at: '2026-04-01T12:00:00Z' },
      ],
      reminded_at: '2026-03-20T09:00:00Z',
    },
  ],
  skipped: [
    {
      reviewer_id: 'r2',
      name: 'Claire Dubois',
      practices: [{ practice_id: 'p1', title: 'Back to work after cancer', due_at: '2026-04-01T12:00:00Z' }],
      reminded_at: '2026-03-19T16:00:00Z',
    },
  ],
};

describe('RemindersDialog', () => {
  it('sends the note and shows who was reminded and who was skipped', async () => {
    const { calls } = mockFetch([{ method: 'POST', path, respond: () => json(result) }]);
    renderWithProviders(<RemindersDialog roundId={round.id} open onOpenChange={vi.fn()} />);
    const u = userEvent.setup();

    await u.type(screen.getByRole('textbox', { name: 'Note to the reviewers (optional)' }), ' We meet on Friday. ');
    await u.click(screen.getByRole('button', { name: 'Send reminders' }));

    expect(await screen.findByRole('heading', { name: 'Reminded: 1 reviewer' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Skipped, reminded less than a day ago: 1 reviewer' })).toBeInTheDocument();
    expect(screen.getByText(/Jonas Weber/).closest('li')).toHaveTextContent('“Back to work after cancer”, due');
    expect(screen.getByText(/Jonas Weber/).closest('li')).toHaveTextContent('“Second track placements”');
    expect(screen.getByText(/Claire Dubois/).closest('li')).toHaveTextContent('last reminder');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0].body).toEqual({ note: 'We meet on Friday.' });
  });

  it('sends an empty body without a note, and says when nobody needed a reminder', async () => {
    const { calls } = mockFetch([{ method: 'POST', path, respond: () => json({ sent: [], skipped: [] }) }]);
    renderWithProviders(<RemindersDialog roundId={round.id} open onOpenChange={vi.fn()} />);
    const u = userEvent.setup();
    await u.click(screen.getByRole('button', { name: 'Send reminders' }));
    expect(await screen.findByText('Nobody needed a reminder now.')).toBeInTheDocument();
    expect(screen.getByText('Nobody was skipped.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({});
  });

  it('shows a refusal from the server instead of a result', async () => {
    mockFetch([{ method: 'POST', path, respond: () => problem(409, { code: 'round_not_open', detail: 'Reminders are sent while the round is open.' }) }]);
    renderWithProviders(<RemindersDialog roundId={round.id} open onOpenChange={vi.fn()} />);
    const u = userEvent.setup();
    await u.click(screen.getByRole('button', { name: 'Send reminders' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Reminded/ })).not.toBeInTheDocument();
  });
});

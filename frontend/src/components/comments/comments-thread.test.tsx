import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import type { Comment } from '@/api/types';
import { json, mockFetch } from '@/test/fetch-mock';
import { organisation, practice, tokenPair } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { CommentsThread } from './comments-thread';

const base = { subject_type: 'practice' as const, subject_id: practice.id, edited_at: null, deleted: false, version: 1, can_edit: false, can_delete: false };
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

const comments: Comment[] = [
  {
    ...base,
    id: 'c1',
    parent_id: null,
    body: 'How do you reach patients outside the day clinic?',
    author: { id: 'u1', name: 'Els Peeters', organisation: { id: organisation.id, name: 'Jobcentrum', country: 'BE' } },
    created_at: minutesAgo(90),
  },
  {
    ...base,
    id: 'c2',
    parent_id: 'c1',
    body: 'Through the social workers of the ward.',
    author: { id: 'u2', name: 'Camille Laurent', organisation: { id: 'o2', name: 'Retour Santé Travail', country: 'FR' } },
    created_at: minutesAgo(30),
    edited_at: minutesAgo(20),
    version: 2,
    can_edit: true,
    can_delete: true,
  },
  {
    ...base,
    id: 'c3',
    parent_id: null,
    body: '',
    deleted: true,
    author: { id: 'u1', name: 'Els Peeters', organisation: { id: organisation.id, name: 'Jobcentrum', country: 'BE' } },
    created_at: minutesAgo(10),
  },
  {
    ...base,
    id: 'c4',
    parent_id: 'c3',
    body: 'No problem, thanks.',
    author: { name: 'Reviewer' },
    created_at: minutesAgo(5),
  },
];

describe('CommentsThread', () => {
  it('nests replies under their parent and keeps the replies of a removed comment', async () => {
    sessionStore.setTokens(tokenPair());
    mockFetch([
      { method: 'GET', path: `/api/v1/practices/${practice.id}/comments`, respond: () => json({ items: comments, page: 1, page_size: 100, total: 4 }) },
    ]);
    renderWithProviders(<CommentsThread subject={{ type: 'practice', id: practice.id }} canComment />);

    const replies = await screen.findByRole('list', { name: 'Replies to Els Peeters' });
    const reply = within(replies).getByRole('article');
    expect(reply).toHaveTextContent('Through the social workers of the ward.');
    expect(reply).toHaveTextContent('Camille Laurent');
    expect(reply).toHaveTextContent('Retour Santé Travail (FR)');
    expect(reply).toHaveTextContent('30 minutes ago');
    expect(within(reply).getByText('edited')).toBeInTheDocument();
    // Edit and remove only where the API allows them.
    expect(within(reply).getByRole('button', { name: 'Edit' })).toBeInTheDocument();
    expect(within(reply).getByRole('button', { name: 'Remove' })).toBeInTheDocument();
    const parent = screen.getByRole('article', { name: /Els Peeters/ });
    expect(within(parent).queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    expect(within(parent).getByRole('button', { name: 'Reply' })).toBeInTheDocument();

    // The removed comment says so, shows no text or author, and its reply stays.
    const removed = screen.getByRole('article', { name: /Comment removed/ });
    expect(removed).not.toHaveTextContent('Els Peeters');
    expect(within(removed).queryByRole('button', { name: 'Reply' })).not.toBeInTheDocument();
    const orphanReplies = screen.getByRole('list', { name: 'Replies to Comment removed' });
    expect(within(orphanReplies).getByRole('article')).toHaveTextContent('No problem, thanks.');

    // Three comments are visible; the removed one is not counted.
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Discussion (3)');
  });

  it('posts a reply with its parent and an idempotency key', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([
      { method: 'GET', path: `/api/v1/practices/${practice.id}/comments`, respond: () => json({ items: comments.slice(0, 1), page: 1, page_size: 100, total: 1 }) },
      { method: 'POST', path: `/api/v1/practices/${practice.id}/comments`, respond: (req) => json({ ...comments[1], ...(req.body as object), id: 'c9' }, { status: 201 }) },
    ]);
    renderWithProviders(<CommentsThread subject={{ type: 'practice', id: practice.id }} canComment />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Reply' }));
    const box = screen.getByRole('textbox', { name: 'Your reply to Els Peeters' });
    expect(box).toHaveFocus();
    await user.type(box, 'Via the hospital social service.');
    await user.click(screen.getByRole('button', { name: 'Post reply' }));

    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ body: 'Via the hospital social service.', parent_id: 'c1' });
    expect(post.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await screen.findByText('Your reply was posted.')).toBeInTheDocument();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import type { BiddingPractice, BiddingRound } from '@/api/review-types';
import { json, mockFetch, problem, type RecordedRequest } from '@/test/fetch-mock';
import { programme, tokenPair } from '@/test/fixtures';
import { renderRoutes } from '@/test/render';
import { round } from '@/test/review-fixtures';
import { BiddingPage } from './bidding-page';

const coach: BiddingPractice = {
  id: '8192a3b4-0000-4000-8000-000000000801',
  title: 'Job coach at the hospital',
  summary: 'A job coach meets patients during treatment.',
  themes: ['employer_engagement'],
  country: 'BE',
  language: 'nl',
  organisation_name: 'Kom op tegen Kanker',
  bid: null,
};
const cafe: BiddingPractice = {
  id: '8192a3b4-0000-4000-8000-000000000802',
  title: 'Return-to-work café',
  summary: 'Monthly meetings of people back at work.',
  themes: [],
  country: 'NL',
  language: 'en',
  organisation_name: 'Werkbrug',
  bid: 'reluctant',
};
const biddingRound: BiddingRound = {
  id: round.id,
  programme_id: programme.id,
  name: 'Spring review',
  status: 'open',
  due_at: round.due_at,
  practice_count: 2,
};

function page(items: BiddingPractice[]) {
  return json({ items, page: 1, page_size: 20, total: items.length });
}

function setup(putResponses: ((req: RecordedRequest) => Response)[] = []) {
  sessionStore.setTokens(tokenPair());
  let put = 0;
  const mock = mockFetch([
    { method: 'GET', path: '/api/v1/me/bidding-rounds', respond: () => json({ items: [biddingRound], page: 1, page_size: 100, total: 1 }) },
    { method: 'GET', path: `/api/v1/programmes/${programme.id}`, respond: () => json(programme, { headers: { ETag: '"3"' } }) },
    {
      method: 'GET',
      path: `/api/v1/rounds/${round.id}/bidding`,
      respond: (req) => page(new URLSearchParams(req.search).get('bid') === 'none' ? [coach] : [coach, cafe]),
    },
    {
      method: 'PUT',
      path: new RegExp(`^/api/v1/rounds/${round.id}/bids/`),
      respond: (req) => {
        const answer = putResponses[put++];
        return answer ? answer(req) : json({ round_id: round.id, practice_id: req.path.split('/').pop(), level: (req.body as { level: string }).level });
      },
    },
    { method: 'DELETE', path: new RegExp(`^/api/v1/rounds/${round.id}/bids/`), respond: () => new Response(null, { status: 204 }) },
  ]);
  renderRoutes([{ path: '/rounds/:roundId/bidding', element: <BiddingPage /> }], `/rounds/${round.id}/bidding`);
  return { ...mock, user: userEvent.setup() };
}

const writes = (calls: RecordedRequest[]) => calls.filter((c) => c.method === 'PUT' || c.method === 'DELETE');

describe('BiddingPage', () => {
  it('shows each practice with only its listed facts and saves a bid as soon as it is chosen', async () => {
    const { calls, user } = setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Bidding: Spring review' })).toBeInTheDocument();
    const coachItem = await screen.findByRole('article', { name: 'Job coach at the hospital' });
    expect(coachItem).toHaveTextContent('Kom op tegen Kanker · Belgium · written in Dutch');
    // Theme keys are shown by the programme's title for them.
    expect(await within(coachItem).findByText('Employer engagement')).toBeInTheDocument();
    expect(coachItem).toHaveTextContent('A job coach meets patients during treatment.');

    // The current bid is checked; a practice without a bid has nothing checked.
    const cafeItem = screen.getByRole('article', { name: 'Return-to-work café' });
    expect(within(cafeItem).getByRole('radio', { name: 'Reluctant' })).toBeChecked();
    const group = within(coachItem).getByRole('radiogroup', { name: 'Your bid — Job coach at the hospital' });
    for (const name of ['Eager', 'Willing', 'Neutral', 'Reluctant', 'Conflict of interest']) {
      expect(within(group).getByRole('radio', { name })).not.toBeChecked();
    }

    await user.click(within(group).getByRole('radio', { name: 'Eager' }));
    expect(await within(coachItem).findByRole('status')).toHaveTextContent('Saved');
    expect(writes(calls)).toHaveLength(1);
    expect(writes(calls)[0]).toMatchObject({ method: 'PUT', path: `/api/v1/rounds/${round.id}/bids/${coach.id}`, body: { level: 'eager' } });
    // No If-Match: the bid is the reviewer's own row.
    expect(writes(calls)[0].headers.get('If-Match')).toBeNull();

    // The keyboard moves through the levels, and each choice is saved.
    expect(within(group).getByRole('radio', { name: 'Eager' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(within(group).getByRole('radio', { name: 'Willing' })).toBeChecked();
    await waitFor(() => expect(writes(calls)).toHaveLength(2));
    expect(writes(calls)[1].body).toEqual({ level: 'willing' });
    expect(await within(coachItem).findByRole('status')).toHaveTextContent('Saved');

    // Clearing sends DELETE.
    await user.click(within(coachItem).getByRole('button', { name: 'Clear bid — Job coach at the hospital' }));
    await waitFor(() => expect(writes(calls)).toHaveLength(3));
    expect(writes(calls)[2]).toMatchObject({ method: 'DELETE', path: `/api/v1/rounds/${round.id}/bids/${coach.id}` });
    expect(await within(coachItem).findByRole('status')).toHaveTextContent('Bid cleared');
  });

  it('says when a bid was not saved and saves it on retry', async () => {
    const { calls, user } = setup([() => problem(503, { code: 'service_unavailable' })]);
    const coachItem = await screen.findByRole('article', { name: 'Job coach at the hospital' });
    await user.click(within(coachItem).getByRole('radio', { name: 'Conflict of interest' }));
    expect(await within(coachItem).findByRole('status')).toHaveTextContent('Not saved. Check your connection and try again.');
    // The choice stays visible, so that it can be sent again.
    expect(within(coachItem).getByRole('radio', { name: 'Conflict of interest' })).toBeChecked();
    await user.click(within(coachItem).getByRole('button', { name: 'Try again' }));
    expect(await within(coachItem).findByRole('status')).toHaveTextContent('Saved');
    expect(writes(calls).map((c) => c.body)).toEqual([{ level: 'conflict' }, { level: 'conflict' }]);
  });

  it('filters by bid state, theme, language and country through the API', async () => {
    const { calls, user } = setup();
    await screen.findByRole('article', { name: 'Return-to-work café' });
    const filters = screen.getByRole('search', { name: 'Filter practices' });

    await user.selectOptions(within(filters).getByLabelText('Your bid'), 'Not bid on yet');
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Return-to-work café' })).not.toBeInTheDocument());
    await user.selectOptions(within(filters).getByLabelText('Theme'), 'Employer engagement');
    await user.selectOptions(within(filters).getByLabelText('Language'), 'Dutch');
    await user.selectOptions(within(filters).getByLabelText('Country'), 'Belgium (BE)');
    await waitFor(() => {
      const last = calls.filter((c) => c.method === 'GET' && c.path.endsWith('/bidding')).pop();
      const q = new URLSearchParams(last?.search);
      expect([q.get('bid'), q.get('theme'), q.get('language'), q.get('country')]).toEqual(['none', 'employer_engagement', 'nl', 'BE']);
    });
  });
});

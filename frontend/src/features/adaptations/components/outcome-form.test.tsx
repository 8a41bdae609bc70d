import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import { json, mockFetch } from '@/test/fetch-mock';
import { tokenPair, user } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { checkOutcome, OutcomeForm, todayIso, type OutcomeValues } from './outcome-form';

const ADAPTATION = '3f2e1d0c-0000-4000-8000-000000000500';
const base: OutcomeValues = {
  recorded_on: '2026-03-01',
  participants: '10',
  returned_to_work: '4',
  in_work_after_6_months: '',
  placements_offered: '',
  satisfaction: '',
  notes: '',
};

function renderOutcomeForm() {
  sessionStore.setTokens(tokenPair());
  const net = mockFetch([
    { method: 'GET', path: '/api/v1/me', respond: () => json(user) },
    {
      method: 'POST',
      path: `/api/v1/adaptations/${ADAPTATION}/outcomes`,
      respond: (req) => json({ id: ADAPTATION, source_practice_id: 'p', version: 2, outcomes: [req.body] }, { status: 201, headers: { ETag: '"2"' } }),
    },
  ]);
  renderWithProviders(<OutcomeForm adaptationId={ADAPTATION} />);
  return net;
}

describe('follow-up rules', () => {
  it('mirror the server: counts within the participants, no date in the future', () => {
    expect(checkOutcome(base, '2026-03-01')).toEqual({});
    expect(checkOutcome({ ...base, returned_to_work: '11' }, '2026-03-01').returned_to_work?.key).toBe('outcomes.errors.moreThanParticipants');
    expect(checkOutcome({ ...base, in_work_after_6_months: '12' }, '2026-03-01').in_work_after_6_months?.key).toBe('outcomes.errors.moreThanParticipants');
    expect(checkOutcome({ ...base, recorded_on: '2026-03-02' }, '2026-03-01').recorded_on?.key).toBe('outcomes.errors.future');
    expect(checkOutcome({ ...base, participants: '-1' }, '2026-03-01').participants?.key).toBe('validation.wholeNumber');
    expect(checkOutcome({ ...base, participants: '' }, '2026-03-01').participants?.key).toBe('validation.required');
    expect(checkOutcome({ ...base, satisfaction: '6' }, '2026-03-01').satisfaction?.key).toBe('outcomes.errors.satisfaction');
    expect(checkOutcome({ ...base, satisfaction: '4,5' }, '2026-03-01')).toEqual({});
  });
});

describe('add follow-up form', { timeout: 20_000 }, () => {
  it('refuses more people back at work than participants, and a date in the future, without sending', async () => {
    const { calls } = renderOutcomeForm();
    const u = userEvent.setup();
    const date = screen.getByLabelText(/^Date/);
    expect(date).toHaveValue(todayIso());
    await u.clear(date);
    await u.type(date, '2999-01-01');
    await u.type(screen.getByRole('spinbutton', { name: /^Participants/ }), '10');
    await u.type(screen.getByRole('spinbutton', { name: /^Returned to work/ }), '12');

    await u.click(screen.getByRole('button', { name: 'Save follow-up' }));

    expect(await screen.findByText('Please correct the 2 errors below.')).toBeInTheDocument();
    const returned = screen.getByRole('spinbutton', { name: /^Returned to work/ });
    expect(returned).toHaveAttribute('aria-invalid', 'true');
    expect(returned).toHaveAccessibleDescription(/Cannot be more than the participants \(10\)\./);
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(date).toHaveAccessibleDescription(/The date cannot be in the future\./);
    await waitFor(() => expect(date).toHaveFocus());
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('sends a valid follow-up once, with an idempotency key', async () => {
    const { calls } = renderOutcomeForm();
    const u = userEvent.setup();
    await u.type(screen.getByRole('spinbutton', { name: /^Participants/ }), '10');
    await u.type(screen.getByRole('spinbutton', { name: /^Returned to work/ }), '4');
    await u.type(screen.getByRole('spinbutton', { name: /^Satisfaction/ }), '4.5');
    await u.click(screen.getByRole('button', { name: 'Save follow-up' }));

    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({
      recorded_on: todayIso(),
      participants: 10,
      returned_to_work: 4,
      in_work_after_6_months: null,
      placements_offered: null,
      satisfaction: 4.5,
      notes: '',
    });
    expect(post.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '@/api/session-store';
import type { Practice } from '@/api/types';
import { json, mockFetch, problem, type RecordedRequest } from '@/test/fetch-mock';
import { practice, programme, tokenPair, user } from '@/test/fixtures';
import { renderRoutes } from '@/test/render';
import { PracticeEditorPage } from './practice-editor';

const partnerProgramme = { ...programme, my_roles: ['partner' as const] };

function practiceRoutes(extra: Parameters<typeof mockFetch>[0] = []) {
  return mockFetch([
    ...extra,
    { method: 'GET', path: `/api/v1/practices/${practice.id}`, respond: () => json(practice, { headers: { ETag: '"3"' } }) },
    { method: 'GET', path: `/api/v1/programmes/${programme.id}`, respond: () => json(partnerProgramme, { headers: { ETag: '"3"' } }) },
    { method: 'GET', path: '/api/v1/me', respond: () => json(user) },
  ]);
}

/** Answers a PATCH as the server would: the practice with the sent fields and the next version. */
function patched(version: number) {
  return (req: RecordedRequest) => {
    const next: Practice = { ...practice, ...(req.body as Partial<Practice>), version };
    return json(next, { headers: { ETag: `"${version}"` } });
  };
}

function renderEditor(path = `/practices/${practice.id}/edit`) {
  return renderRoutes(
    [
      { path: '/practices/:id/edit', element: <PracticeEditorPage mode="edit" notFound={<h1>Not found</h1>} /> },
      { path: '/programmes/:id/practices/new', element: <PracticeEditorPage mode="new" notFound={<h1>Not found</h1>} /> },
      { path: '/practices/:id', element: <h1>Practice page</h1> },
    ],
    path,
  );
}

const patches = (calls: RecordedRequest[]) => calls.filter((c) => c.method === 'PATCH');

afterEach(() => {
  vi.useRealTimers();
});

describe('practice editor: validation', () => {
  it('does not create a practice with a title over 200 characters and links the error to the field', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = practiceRoutes();
    renderEditor(`/programmes/${programme.id}/practices/new`);
    const userEv = userEvent.setup();

    const title = await screen.findByRole('textbox', { name: 'Title' });
    // Pasted text is never cut off: the limit is checked, not enforced by the input.
    fireEvent.change(title, { target: { value: 'A'.repeat(201) } });
    expect(title).toHaveValue('A'.repeat(201));
    expect(screen.getByText('1 character too many')).toBeInTheDocument();

    await userEv.click(screen.getByRole('button', { name: 'Create draft' }));

    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription(/Use at most 200 characters\./);
    await waitFor(() => expect(title).toHaveFocus());
    expect(screen.getByRole('alert')).toHaveTextContent('Please correct the error below.');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('keeps an over-long title out of the autosave while saving the other fields', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = practiceRoutes([{ method: 'PATCH', path: `/api/v1/practices/${practice.id}`, respond: patched(4) }]);
    renderEditor();

    const title = await screen.findByRole('textbox', { name: 'Title' });
    fireEvent.change(title, { target: { value: 'T'.repeat(250) } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Context' }), { target: { value: 'New context.' } });

    expect(title).toHaveAccessibleDescription(/Use at most 200 characters\./);
    await waitFor(() => expect(patches(calls)).toHaveLength(1), { timeout: 4000 });
    expect(patches(calls)[0].body).toEqual({ context: 'New context.' });
    expect(await screen.findByText('Not saved – correct the highlighted fields')).toBeInTheDocument();
  });
});

describe('practice editor: autosave', () => {
  it('waits for a quiet moment, then PATCHes only what changed with If-Match of the last ETag', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = practiceRoutes([
      { method: 'PATCH', path: `/api/v1/practices/${practice.id}`, respond: patched(4), times: 1 },
      { method: 'PATCH', path: `/api/v1/practices/${practice.id}`, respond: patched(5) },
    ]);
    renderEditor();
    const summary = await screen.findByRole('textbox', { name: 'Summary' });

    vi.useFakeTimers();
    fireEvent.change(summary, { target: { value: 'First words' } });
    await act(() => vi.advanceTimersByTimeAsync(1000));
    fireEvent.change(summary, { target: { value: 'First words, then more' } });
    await act(() => vi.advanceTimersByTimeAsync(1000));
    // Still typing: nothing sent yet, 1.5 s after the last change at the earliest.
    expect(patches(calls)).toHaveLength(0);
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(600));
    expect(patches(calls)).toHaveLength(1);
    expect(patches(calls)[0].headers.get('If-Match')).toBe('"3"');
    expect(patches(calls)[0].body).toEqual({ summary: 'First words, then more' });
    vi.useRealTimers();

    const status = await screen.findByText(/^Saved at \d/);
    expect(status).toHaveAttribute('aria-live', 'polite');

    // The next save sends the ETag the last one answered with.
    fireEvent.change(summary, { target: { value: 'Final summary' } });
    await waitFor(() => expect(patches(calls)).toHaveLength(2), { timeout: 4000 });
    expect(patches(calls)[1].headers.get('If-Match')).toBe('"4"');
  });

  it('on a 412 shows the conflict banner, stops saving, and can overwrite with the latest ETag', async () => {
    sessionStore.setTokens(tokenPair());
    const latest: Practice = { ...practice, title: 'Changed by a colleague', version: 7 };
    const { calls } = practiceRoutes([
      {
        method: 'PATCH',
        path: `/api/v1/practices/${practice.id}`,
        respond: () => problem(412, { code: 'version_mismatch', title: 'Precondition Failed' }),
        times: 1,
      },
      { method: 'PATCH', path: `/api/v1/practices/${practice.id}`, respond: patched(8) },
    ]);
    renderEditor();
    const summary = await screen.findByRole('textbox', { name: 'Summary' });

    vi.useFakeTimers();
    fireEvent.change(summary, { target: { value: 'My summary' } });
    await act(() => vi.advanceTimersByTimeAsync(1600));
    expect(patches(calls)).toHaveLength(1);

    const banner = screen.getByRole('alert', { name: 'Someone else saved this practice in the meantime' });
    expect(banner).toHaveTextContent('Your text is still here.');
    expect(screen.getByText('Not saved – changed elsewhere')).toBeInTheDocument();

    // Autosave has stopped: more typing sends nothing, and the text stays.
    fireEvent.change(summary, { target: { value: 'My summary, still mine' } });
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(patches(calls)).toHaveLength(1);
    expect(summary).toHaveValue('My summary, still mine');
    vi.useRealTimers();

    // "Keep my version": read the latest version for its ETag, then save the local text over it.
    mockFetchLatest(calls, latest);
    await userEvent.setup().click(within(banner).getByRole('button', { name: 'Keep my version and overwrite' }));
    await waitFor(() => expect(patches(calls)).toHaveLength(2));
    expect(patches(calls)[1].headers.get('If-Match')).toBe('"7"');
    expect(patches(calls)[1].body).toMatchObject({ summary: 'My summary, still mine', title: practice.title });
    await waitFor(() => expect(screen.queryByRole('alert', { name: 'Someone else saved this practice in the meantime' })).not.toBeInTheDocument());
    expect(await screen.findByText(/^Saved at \d/)).toBeInTheDocument();
  });
});

/** From now on, GET of the practice answers with `latest` (someone else's newer version). */
function mockFetchLatest(calls: RecordedRequest[], latest: Practice) {
  const previous = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname === `/api/v1/practices/${latest.id}`) {
      calls.push({ method: 'GET', path: url.pathname, search: url.search, headers: request.headers, body: undefined });
      return json(latest, { headers: { ETag: `"${latest.version}"` } });
    }
    return previous(request);
  });
}

describe('practice editor: what submitting needs', () => {
  const incomplete: Practice = {
    ...practice,
    summary: '',
    evidence: { ...practice.evidence, level: '' },
    contact: { name: 'Koen Maes', email: '' },
    missing: ['summary', 'evidence.level', 'contact.email'],
  };

  it('lists what is missing beside the form as the author types, each item a link to its field', async () => {
    sessionStore.setTokens(tokenPair());
    practiceRoutes([
      { method: 'GET', path: `/api/v1/practices/${practice.id}`, respond: () => json(incomplete, { headers: { ETag: '"3"' } }) },
      { method: 'PATCH', path: `/api/v1/practices/${practice.id}`, respond: patched(4) },
    ]);
    renderEditor();
    const user = userEvent.setup();

    const checklist = await screen.findByRole('region', { name: 'Needed to submit' });
    expect(within(checklist).getByText('4 of 7 done')).toBeInTheDocument();
    expect(within(checklist).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Write a short summary',
      'Choose the level of evidence',
      'Give the contact’s e-mail address',
    ]);

    await user.click(within(checklist).getByRole('link', { name: 'Choose the level of evidence' }));
    expect(screen.getByRole('combobox', { name: 'Evidence level' })).toHaveFocus();

    fireEvent.change(screen.getByRole('textbox', { name: 'Summary' }), { target: { value: 'A job coach in the ward.' } });
    expect(within(checklist).queryByRole('link', { name: 'Write a short summary' })).not.toBeInTheDocument();
    expect(within(checklist).getByText('5 of 7 done')).toBeInTheDocument();

    // Blanks are no text, as on the server.
    fireEvent.change(screen.getByRole('textbox', { name: 'Context' }), { target: { value: '   ' } });
    expect(within(checklist).getByRole('link', { name: 'Describe the context' })).toBeInTheDocument();
  });

  it('says what is missing on "Submit for review" before any dialog, and opens it once the practice is complete', async () => {
    sessionStore.setTokens(tokenPair());
    practiceRoutes([
      { method: 'GET', path: `/api/v1/practices/${practice.id}`, respond: () => json(incomplete, { headers: { ETag: '"3"' } }) },
      { method: 'PATCH', path: `/api/v1/practices/${practice.id}`, respond: patched(4) },
    ]);
    renderEditor();
    const user = userEvent.setup();

    const submit = await screen.findByRole('button', { name: 'Submit for review' });
    expect(submit).toHaveAccessibleDescription('4 of 7 done');
    await user.click(submit);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The practice cannot be submitted yet: 3 fields are still needed.');
    const summary = screen.getByRole('textbox', { name: 'Summary' });
    await waitFor(() => expect(summary).toHaveFocus());
    expect(summary).toHaveAccessibleDescription(/Fill this in before you submit\./);

    fireEvent.change(summary, { target: { value: 'A job coach in the ward.' } });
    expect(screen.getByRole('alert')).toHaveTextContent('2 fields are still needed.');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Evidence level' }), 'monitoring');
    fireEvent.change(screen.getByRole('textbox', { name: 'Contact e-mail' }), { target: { value: 'koen@werkwijs.example' } });

    const checklist = screen.getByRole('region', { name: 'Needed to submit' });
    expect(within(checklist).getByText('Everything needed to submit is filled in.')).toBeInTheDocument();
    expect(screen.queryByText(/cannot be submitted yet/)).not.toBeInTheDocument();
    await user.click(submit);
    const dialog = await screen.findByRole('dialog', { name: 'Submit for peer review?' });
    expect(within(dialog).queryByText('Before you can submit, complete these fields:')).not.toBeInTheDocument();
  });
});

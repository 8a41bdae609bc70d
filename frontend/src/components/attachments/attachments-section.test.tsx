import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '@/api/session-store';
import type { Attachment } from '@/api/types';
import { json, mockFetch, problem } from '@/test/fetch-mock';
import { practice, tokenPair } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { AttachmentsSection } from './attachments-section';

const listPath = `/api/v1/practices/${practice.id}/attachments`;

function attachment(over: Partial<Attachment> = {}): Attachment {
  return {
    id: 'a1',
    owner_type: 'practice',
    owner_id: practice.id,
    file_name: 'Evaluation 2025.pdf',
    role: null,
    media_type: 'application/pdf',
    size: 2_400_000,
    sha256: 'ab'.repeat(32),
    uploaded_by: { id: 'u1', name: 'Els Peeters' },
    created_at: '2025-03-04T10:00:00Z',
    can_delete: false,
    download_url: '/api/v1/attachments/a1',
    version: 1,
    ...over,
  };
}

/** A stand-in for XMLHttpRequest: the test decides when progress and the answer arrive. */
class FakeXHR {
  static sent: FakeXHR[] = [];
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader() {
    return null;
  }
  send(body: FormData) {
    this.body = body;
    FakeXHR.sent.push(this);
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total }));
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    act(() => this.onload?.());
  }
}

beforeEach(() => {
  FakeXHR.sent = [];
  vi.stubGlobal('XMLHttpRequest', FakeXHR);
  sessionStore.setTokens(tokenPair());
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AttachmentsSection', () => {
  it('lists each file with its type, size, uploader and date, and removes one after confirmation', async () => {
    const files = [attachment(), attachment({ id: 'a2', file_name: 'notes.txt', media_type: 'text/plain; charset=utf-8', size: 840, uploaded_by: null, can_delete: true })];
    const { calls } = mockFetch([
      { method: 'GET', path: listPath, respond: () => json({ items: files }), times: 1 },
      { method: 'DELETE', path: '/api/v1/attachments/a2', respond: () => new Response(null, { status: 204 }) },
      { method: 'GET', path: listPath, respond: () => json({ items: files.slice(0, 1) }) },
    ]);
    const user = userEvent.setup();
    renderWithProviders(<AttachmentsSection subject={{ type: 'practice', id: practice.id }} canUpload={false} />);

    const pdf = await screen.findByRole('row', { name: /Evaluation 2025\.pdf/ });
    expect(pdf).toHaveTextContent('PDF');
    expect(pdf).toHaveTextContent('2.4 MB');
    expect(pdf).toHaveTextContent('Els Peeters');
    expect(pdf).toHaveTextContent('2025');
    expect(within(pdf).getByRole('button', { name: 'Download Evaluation 2025.pdf' })).toBeInTheDocument();
    expect(within(pdf).queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
    const txt = screen.getByRole('row', { name: /notes\.txt/ });
    expect(txt).toHaveTextContent('Plain text');
    expect(txt).toHaveTextContent('1 kB');
    expect(txt).toHaveTextContent('Former member');
    // No upload for a reader who may not edit.
    expect(screen.queryByLabelText('Add a file')).not.toBeInTheDocument();

    await user.click(within(txt).getByRole('button', { name: 'Remove notes.txt' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove this file?' });
    expect(dialog).toHaveTextContent('notes.txt will be removed');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/attachments/a2')).toBe(true));
    await waitFor(() => expect(screen.queryByRole('row', { name: /notes\.txt/ })).not.toBeInTheDocument());
  });

  it('uploads with the session token and a progress bar, then shows the new file', async () => {
    const added = attachment({ id: 'a3', file_name: 'plan.pdf', can_delete: true });
    mockFetch([
      { method: 'GET', path: listPath, respond: () => json({ items: [] }), times: 1 },
      { method: 'GET', path: listPath, respond: () => json({ items: [added] }) },
    ]);
    const user = userEvent.setup();
    renderWithProviders(<AttachmentsSection subject={{ type: 'practice', id: practice.id }} canUpload />);
    expect(await screen.findByText('No files yet.')).toBeInTheDocument();

    await user.upload(screen.getByLabelText('Add a file'), new File(['%PDF-1.7 plan'], 'plan.pdf', { type: 'application/pdf' }));
    const xhr = FakeXHR.sent[0];
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe(listPath);
    expect(xhr.headers.Authorization).toBe(`Bearer ${tokenPair().access_token}`);
    expect((xhr.body?.get('file') as File).name).toBe('plan.pdf');

    xhr.progress(40, 100);
    const bar = screen.getByRole('progressbar', { name: 'Uploading plan.pdf' });
    expect(bar).toHaveAttribute('value', '40');
    xhr.respond(201, added);
    expect(await screen.findByRole('row', { name: /plan\.pdf/ })).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByText('plan.pdf was added.')).toBeInTheDocument();
  });

  it('refuses a file over 20 MB before sending it', async () => {
    mockFetch([{ method: 'GET', path: listPath, respond: () => json({ items: [] }) }]);
    const user = userEvent.setup();
    renderWithProviders(<AttachmentsSection subject={{ type: 'practice', id: practice.id }} canUpload />);
    await screen.findByText('No files yet.');
    const big = new File(['x'], 'video-notes.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 20 * 1024 * 1024 + 1 });
    await user.upload(screen.getByLabelText('Add a file'), big);
    expect(await screen.findByText(/video-notes\.pdf is larger than 20 MB/)).toHaveAttribute('role', 'alert');
    expect(FakeXHR.sent).toHaveLength(0);
  });

  it.each([
    [415, 'unsupported_media_type', 'This kind of file cannot be added.'],
    [413, 'file_too_large', 'The file is larger than 20 MB.'],
  ])('says in words why the server refused a file (%i)', async (status, code, words) => {
    mockFetch([{ method: 'GET', path: listPath, respond: () => json({ items: [] }) }]);
    const user = userEvent.setup();
    renderWithProviders(<AttachmentsSection subject={{ type: 'practice', id: practice.id }} canUpload />);
    await screen.findByText('No files yet.');
    await user.upload(screen.getByLabelText('Add a file'), new File(['MZ'], 'report.pdf', { type: 'application/pdf' }));
    FakeXHR.sent[0].respond(status, { type: 'about:blank', title: 'Error', status, code, detail: 'English detail' });
    const alert = await screen.findByText(/report\.pdf was not added/);
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent(words);
    expect(alert).not.toHaveTextContent('English detail');
  });

  it('speaks the reader’s language', async () => {
    mockFetch([{ method: 'GET', path: listPath, respond: () => json({ items: [attachment()] }) }]);
    const { i18n } = await import('@/i18n').then((m) => ({ i18n: m.default }));
    await i18n.changeLanguage('de');
    try {
      renderWithProviders(<AttachmentsSection subject={{ type: 'practice', id: practice.id }} canUpload />);
      expect(await screen.findByRole('heading', { name: /Dateien/ })).toBeInTheDocument();
      expect(await screen.findByRole('row', { name: /Evaluation/ })).toHaveTextContent('PDF-Dokument');
      expect(screen.getByText('Datei hinzufügen')).toBeInTheDocument();
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('groups a peer-review meeting’s files under its discussion paper and comment papers, and sends the role chosen', async () => {
    const activityPath = '/api/v1/activities/act1/attachments';
    const file = (id: string, name: string, role: Attachment['role']) =>
      attachment({ id, file_name: name, role, owner_type: 'activity', owner_id: 'act1', download_url: `/api/v1/attachments/${id}` });
    const files = [file('d1', 'Discussion paper NL.pdf', 'discussion_paper'), file('c1', 'Comments BE.pdf', 'comment_paper'), file('c2', 'Comments FR.pdf', 'comment_paper'), file('m1', 'Minutes.pdf', 'minutes')];
    const added = file('c3', 'Comments DE.pdf', 'comment_paper');
    mockFetch([
      { method: 'GET', path: activityPath, respond: () => json({ items: files }), times: 1 },
      { method: 'GET', path: activityPath, respond: () => json({ items: [...files, added] }) },
    ]);
    const user = userEvent.setup();
    renderWithProviders(<AttachmentsSection subject={{ type: 'activity', id: 'act1' }} canUpload roles="grouped" />);

    const discussion = await screen.findByRole('heading', { level: 3, name: 'Discussion paper' });
    const comments = screen.getByRole('heading', { level: 3, name: 'Comment papers' });
    const other = screen.getByRole('heading', { level: 3, name: 'Other files' });
    const tableAfter = (h: HTMLElement) => h.parentElement!.querySelector('table')!;
    expect(within(tableAfter(discussion)).getAllByRole('row')).toHaveLength(2);
    expect(within(tableAfter(comments)).getAllByRole('row').map((r) => r.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining('Comments BE.pdf'), expect.stringContaining('Comments FR.pdf')]),
    );
    expect(within(tableAfter(other)).getByRole('row', { name: /Minutes\.pdf/ })).toHaveTextContent('Minutes');

    await user.selectOptions(screen.getByLabelText('What is this file?'), 'comment_paper');
    await user.upload(screen.getByLabelText('Add a file'), new File(['%PDF-1.7'], 'Comments DE.pdf', { type: 'application/pdf' }));
    const xhr = FakeXHR.sent[0];
    expect(xhr.url).toBe(activityPath);
    expect(xhr.body?.get('role')).toBe('comment_paper');
    // The role goes before the file: the server reads no field after it.
    expect([...xhr.body!.keys()]).toEqual(['role', 'file']);
    xhr.respond(201, added);
    expect(await screen.findByRole('row', { name: /Comments DE\.pdf/ })).toBeInTheDocument();
  });

  it('shows an activity’s roles in a column, and sends no role when none is chosen', async () => {
    const activityPath = '/api/v1/activities/act2/attachments';
    mockFetch([
      { method: 'GET', path: activityPath, respond: () => json({ items: [attachment({ owner_type: 'activity', owner_id: 'act2', role: 'minutes' })] }) },
    ]);
    const user = userEvent.setup();
    renderWithProviders(<AttachmentsSection subject={{ type: 'activity', id: 'act2' }} canUpload roles="column" />);
    const row = await screen.findByRole('row', { name: /Evaluation 2025\.pdf/ });
    expect(row).toHaveTextContent('Minutes');
    expect(screen.getByRole('columnheader', { name: 'Role' })).toBeInTheDocument();
    await user.upload(screen.getByLabelText('Add a file'), new File(['plain'], 'notes.txt', { type: 'text/plain' }));
    expect(FakeXHR.sent[0].body?.has('role')).toBe(false);
  });

  it('lets an editor change a file’s role in place, with If-Match, and moves it to its new group', async () => {
    const activityPath = '/api/v1/activities/act3/attachments';
    const file = (id: string, name: string, role: Attachment['role'], over: Partial<Attachment> = {}) =>
      attachment({ id, file_name: name, role, owner_type: 'activity', owner_id: 'act3', download_url: `/api/v1/attachments/${id}`, can_delete: true, ...over });
    const paper = file('d1', 'Paper NL.pdf', 'discussion_paper');
    const misfiled = file('o1', 'Comments BE.pdf', 'other', { version: 3 });
    const moved = { ...misfiled, role: 'comment_paper' as const, version: 4 };
    const { calls } = mockFetch([
      { method: 'GET', path: activityPath, respond: () => json({ items: [paper, misfiled] }), times: 1 },
      { method: 'PATCH', path: '/api/v1/attachments/o1', respond: () => json(moved, { headers: { ETag: '"4"' } }) },
      { method: 'GET', path: activityPath, respond: () => json({ items: [paper, moved] }) },
    ]);
    const user = userEvent.setup();
    renderWithProviders(<AttachmentsSection subject={{ type: 'activity', id: 'act3' }} canUpload roles="grouped" />);

    const select = await screen.findByRole('combobox', { name: 'Role of Comments BE.pdf' });
    expect(select).toHaveValue('other');
    // The discussion paper's group shows the role too, as the editor may change it there.
    expect(screen.getByRole('combobox', { name: 'Role of Paper NL.pdf' })).toHaveValue('discussion_paper');
    await user.selectOptions(select, 'comment_paper');

    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.path).toBe('/api/v1/attachments/o1');
    expect(patch.headers.get('If-Match')).toBe('"3"');
    expect(patch.body).toEqual({ role: 'comment_paper' });
    expect(await screen.findByText('Comments BE.pdf is now marked as: Comment paper.')).toBeInTheDocument();

    // The file is now among the comment papers, and its select has the focus there.
    const comments = screen.getByRole('heading', { level: 3, name: 'Comment papers' });
    const row = within(comments.parentElement!.querySelector('table')!).getByRole('row', { name: /Comments BE\.pdf/ });
    const again = within(row).getByRole('combobox', { name: 'Role of Comments BE.pdf' });
    expect(again).toHaveValue('comment_paper');
    await waitFor(() => expect(again).toHaveFocus());
  });

  it('sends null for “not said”, and shows the role as text to a reader who may not change it', async () => {
    const activityPath = '/api/v1/activities/act4/attachments';
    const mine = attachment({ id: 'm1', file_name: 'Minutes.pdf', role: 'minutes', owner_type: 'activity', owner_id: 'act4', can_delete: true });
    const theirs = attachment({ id: 't1', file_name: 'Agenda.pdf', role: 'other', owner_type: 'activity', owner_id: 'act4', can_delete: false });
    const { calls } = mockFetch([
      { method: 'GET', path: activityPath, respond: () => json({ items: [mine, theirs] }) },
      { method: 'PATCH', path: '/api/v1/attachments/m1', respond: () => json({ ...mine, role: null, version: 2 }) },
    ]);
    const user = userEvent.setup();
    renderWithProviders(<AttachmentsSection subject={{ type: 'activity', id: 'act4' }} canUpload roles="column" />);

    const agenda = await screen.findByRole('row', { name: /Agenda\.pdf/ });
    expect(within(agenda).queryByRole('combobox')).not.toBeInTheDocument();
    expect(agenda).toHaveTextContent('Other document');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role of Minutes.pdf' }), '');
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ role: null }));
    expect(await screen.findByText('Minutes.pdf is now marked as: Not said.')).toBeInTheDocument();
  });

  it('says why a role was not changed, and shows the role the server has', async () => {
    const activityPath = '/api/v1/activities/act5/attachments';
    const f = attachment({ id: 'f1', file_name: 'Notes.pdf', role: 'other', owner_type: 'activity', owner_id: 'act5', can_delete: true });
    mockFetch([
      { method: 'GET', path: activityPath, respond: () => json({ items: [f] }), times: 1 },
      { method: 'PATCH', path: '/api/v1/attachments/f1', respond: () => problem(412, { code: 'version_mismatch', detail: 'English detail' }) },
      { method: 'GET', path: activityPath, respond: () => json({ items: [{ ...f, role: 'minutes', version: 2 }] }) },
    ]);
    const user = userEvent.setup();
    renderWithProviders(<AttachmentsSection subject={{ type: 'activity', id: 'act5' }} canUpload roles="column" />);

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Role of Notes.pdf' }), 'comment_paper');
    const alert = await screen.findByText(/The role of Notes\.pdf was not changed/);
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent('Someone else changed this in the meantime.');
    expect(alert).not.toHaveTextContent('English detail');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Role of Notes.pdf' })).toHaveValue('minutes'));
  });

  it('sends one change at a time: a role chosen while one is being saved follows it with the new version', async () => {
    const activityPath = '/api/v1/activities/act6/attachments';
    const f = attachment({ id: 'f1', file_name: 'Paper.pdf', role: null, owner_type: 'activity', owner_id: 'act6', can_delete: true, version: 1 });
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const { calls } = mockFetch([
      { method: 'GET', path: activityPath, respond: () => json({ items: [f] }), times: 1 },
      { method: 'PATCH', path: '/api/v1/attachments/f1', respond: async () => (await held, json({ ...f, role: 'minutes', version: 2 })), times: 1 },
      { method: 'PATCH', path: '/api/v1/attachments/f1', respond: () => json({ ...f, role: 'comment_paper', version: 3 }) },
      { method: 'GET', path: activityPath, respond: () => json({ items: [{ ...f, role: 'comment_paper', version: 3 }] }) },
    ]);
    const user = userEvent.setup();
    renderWithProviders(<AttachmentsSection subject={{ type: 'activity', id: 'act6' }} canUpload roles="column" />);
    const select = await screen.findByRole('combobox', { name: 'Role of Paper.pdf' });
    await user.selectOptions(select, 'minutes');
    await user.selectOptions(select, 'comment_paper');
    expect(select).toHaveValue('comment_paper');
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1);
    act(() => release());
    expect(await screen.findByText('Paper.pdf is now marked as: Comment paper.')).toBeInTheDocument();
    const patches = calls.filter((c) => c.method === 'PATCH');
    expect(patches.map((c) => [c.headers.get('If-Match'), c.body])).toEqual([
      ['"1"', { role: 'minutes' }],
      ['"2"', { role: 'comment_paper' }],
    ]);
  });

  it('offers no role for the files of other objects', async () => {
    mockFetch([{ method: 'GET', path: listPath, respond: () => json({ items: [] }) }]);
    renderWithProviders(<AttachmentsSection subject={{ type: 'practice', id: practice.id }} canUpload />);
    await screen.findByText('No files yet.');
    expect(screen.queryByLabelText('What is this file?')).not.toBeInTheDocument();
  });
});

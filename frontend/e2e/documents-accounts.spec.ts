import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_PROGRAMME, demo, signIn } from './helpers';
import { linkIn, waitForMail } from './mail';

/**
 * Documents and accounts, as people meet them: a Belgian partner adds a PDF to one of its draft
 * practices and watches the upload finish; a colleague of the same organisation downloads the
 * very same bytes; a program renamed to .pdf is refused with a sentence that says why. A person
 * who forgot their password asks for a link, reads it in the e-mail the server really sends,
 * chooses a new password, and the session they had open is over. A person whose account an
 * administrator made downloads their data and erases their account; they cannot sign in any
 * more, and the administrators' list shows only a pseudonym.
 */

const stamp = Date.now().toString(36);

/** A demo login no other journey uses: its password changes here, and is put back at the end. */
const FORGETFUL = 'vaasa.fi@peerbridge.example';
const NEW_PASSWORD = `a-new-password-${stamp}`;

async function apiLogin(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<Record<string, string>> {
  const response = await request.post('/api/v1/auth/login', { data: { email, password } });
  expect(response.ok(), await response.text()).toBeTruthy();
  const { access_token: token } = (await response.json()) as { access_token: string };
  return { Authorization: `Bearer ${token}` };
}

async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ locale: 'en-GB' });
}

/**
 * A small, valid PDF (one page that says `text`) with a catalogue, a page tree, a content stream
 * and a cross-reference table whose offsets are right. `padding` bytes of comment make it big
 * enough for an upload to take a moment.
 */
function buildPdf(text: string, padding = 0): Buffer {
  const content = `BT /F1 18 Tf 72 720 Td (${text.replace(/[\\()]/g, '\\$&')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  for (let written = 0; written < padding; written += 80) pdf += `%${'x'.repeat(78)}\n`;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** The start of a Windows program ("MZ", a DOS stub, a PE header): what a renamed .exe holds. */
function windowsProgram(): Buffer {
  const exe = Buffer.alloc(1024);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c); // where the PE header starts
  exe.write('This program cannot be run in DOS mode.\r\r\n$', 0x4e, 'latin1');
  exe.write('PE\0\0', 0x80, 'latin1');
  exe.writeUInt16LE(0x14c, 0x84); // i386
  return exe;
}

/** The pseudonym an erased account keeps, as the server derives it from the account's id. */
function pseudonym(userId: string): string {
  const bytes = Buffer.from(userId.replace(/-/g, ''), 'hex');
  return `Former member ${createHash('sha256').update(bytes).digest('hex').slice(0, 4).toUpperCase()}`;
}

const files: { practiceId?: string; fileName: string; storedName: string; pdf: Buffer } = {
  // As the person named it on their computer; quotes are among the characters file systems
  // refuse, so the server keeps the name with underscores instead.
  fileName: `Return plan "signed" ${stamp}.pdf`,
  storedName: `Return plan _signed_ ${stamp}.pdf`,
  pdf: buildPdf(`Return plan agreed with the employer ${stamp}`, 600_000),
};

test.describe.serial('files on a practice', () => {
  test('a partner adds a PDF to its draft practice and sees the upload finish', async ({ page, request }) => {
    // The partner's draft: written through the API, as another journey does.
    const headers = await apiLogin(request, demo.partnerBe);
    const programmes = (await (await request.get('/api/v1/programmes?page_size=100', { headers })).json()) as { items: { id: string; name: string }[] };
    const programmeId = programmes.items.find((p) => p.name === DEMO_PROGRAMME)?.id;
    expect(programmeId).toBeTruthy();
    const created = await request.post(`/api/v1/programmes/${programmeId}/practices`, {
      headers,
      data: { title: `Return plans signed by the employer ${stamp}`, language: 'en', summary: 'A written return plan that the employee, the employer and the coach sign.' },
    });
    expect(created.status(), await created.text()).toBe(201);
    files.practiceId = ((await created.json()) as { id: string; status: string }).id;

    await signIn(page, demo.partnerBe);
    await page.goto(`/practices/${files.practiceId}`);
    await expect(page.getByRole('heading', { level: 1, name: `Return plans signed by the employer ${stamp}` })).toBeVisible();
    const section = page.getByRole('region', { name: /^Files/ });
    await expect(section.getByText('No files yet.')).toBeVisible();

    // The upload is held back a moment on its way, so that its progress can be seen.
    await page.route(`**/api/v1/practices/${files.practiceId}/attachments`, async (route) => {
      if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await section.getByLabel('Add a file').setInputFiles({ name: files.fileName, mimeType: 'application/pdf', buffer: files.pdf });
    const progress = section.getByRole('progressbar', { name: `Uploading ${files.fileName}` });
    await expect(progress).toBeVisible();
    await expect(progress).toBeHidden({ timeout: 20_000 });
    await expect(section.getByRole('status').filter({ hasText: /\S/ })).toHaveText(`${files.storedName} was added.`);
    const row = section.getByRole('row').filter({ has: page.getByRole('rowheader', { name: files.storedName, exact: true }) });
    await expect(row.getByRole('cell', { name: 'PDF', exact: true })).toBeVisible();
    await expect(row.getByRole('cell', { name: '601 kB' })).toBeVisible();
    await expect(row.getByRole('cell', { name: 'Koen Maes' })).toBeVisible();
    await page.unroute(`**/api/v1/practices/${files.practiceId}/attachments`);

    // A program renamed to .pdf: the server reads the content, not the name, and says no in words.
    const disguised = `minutes-${stamp}.pdf`;
    await section.getByLabel('Add a file').setInputFiles({ name: disguised, mimeType: 'application/pdf', buffer: windowsProgram() });
    await expect(section.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
      `${disguised} was not added: This kind of file cannot be added. Use a PDF, an Office or OpenDocument file, a PNG or JPEG image, or plain text.`,
    );
    await expect(section.getByRole('heading', { name: 'Files (1)' })).toBeVisible();
    await expect(section.getByRole('row', { name: new RegExp(disguised) })).toHaveCount(0);
  });

  test('a colleague of the same organisation downloads the same bytes', async ({ browser }) => {
    expect(files.practiceId, 'the file was added').toBeTruthy();
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      // The coordinator works at the same organisation, which alone sees its drafts.
      await signIn(page, demo.coordinator);
      await page.goto(`/practices/${files.practiceId}`);
      const section = page.getByRole('region', { name: /^Files/ });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        section.getByRole('button', { name: `Download ${files.storedName}` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(files.storedName);
      const bytes = await readFile(await download.path());
      expect(bytes.length).toBe(files.pdf.length);
      expect(bytes.equals(files.pdf)).toBe(true);
      // Only those who may edit the practice may add files.
      await expect(section.getByLabel('Add a file')).toHaveCount(0);
    } finally {
      await context.close();
    }
  });
});

test.describe.serial('a forgotten password', () => {
  const restore: { done: boolean } = { done: false };

  test.afterAll(async ({ request }) => {
    // Put the demo password back for the next run, whatever happened above.
    if (restore.done) return;
    const login = await request.post('/api/v1/auth/login', { data: { email: FORGETFUL, password: NEW_PASSWORD } });
    if (!login.ok()) return;
    const { access_token: token } = (await login.json()) as { access_token: string };
    await request.post('/api/v1/me/password', {
      headers: { Authorization: `Bearer ${token}` },
      data: { current_password: NEW_PASSWORD, new_password: DEMO_PASSWORD },
    });
  });

  test('a person asks for a link, reads the e-mail, sets a new password, and the old session ends', async ({ browser, request }) => {
    // A session opened before the reset, in a browser and through the API.
    const before = await newContext(browser);
    const old = await before.newPage();
    await signIn(old, FORGETFUL);
    const oldApi = await apiLogin(request, FORGETFUL);

    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto('/login');
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
      const asked = new Date(Date.now() - 1000);
      await page.getByRole('textbox', { name: 'E-mail' }).fill(FORGETFUL);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Check your e-mail' })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveText(`If ${FORGETFUL} belongs to a Peerbridge account, a link to choose a new password is on its way.`);

      // The e-mail the server sent, through SMTP, in the person's language.
      const mail = await waitForMail(FORGETFUL, { since: asked, match: (m) => m.body.includes('/reset-password?token=') });
      expect(mail.subject).toMatch(/^\[Peerbridge\] /);
      const link = new URL(linkIn(mail, /https?:\/\/\S+\/reset-password\?token=\S+/));
      await page.goto(`${link.pathname}${link.search}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
      // The token leaves the address bar at once.
      await expect(page).toHaveURL(/\/reset-password$/);
      await page.getByLabel('New password').fill(NEW_PASSWORD);
      await page.getByLabel('Confirm password').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Set the new password' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Your password has been changed' })).toBeVisible();

      // Every session that was open has ended: the API refuses the old token, the old tab is sent to sign in.
      expect((await request.get('/api/v1/me', { headers: oldApi })).status()).toBe(401);
      await old.reload();
      await expect(old).toHaveURL(/\/login$/);
      await expect(old.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

      // The new password opens the account; the old one no longer does.
      await page.getByRole('link', { name: 'Go to the sign-in page' }).click();
      await signIn(page, FORGETFUL, NEW_PASSWORD);
      expect((await request.post('/api/v1/auth/login', { data: { email: FORGETFUL, password: DEMO_PASSWORD } })).status()).toBe(401);

      // The link worked once.
      await page.goto(`${link.pathname}${link.search}`);
      await page.getByLabel('New password').fill(`${NEW_PASSWORD}-again`);
      await page.getByLabel('Confirm password').fill(`${NEW_PASSWORD}-again`);
      await page.getByRole('button', { name: 'Set the new password' }).click();
      await expect(page.getByRole('alert').getByRole('heading', { name: 'This link cannot be used' })).toBeVisible();
    } finally {
      await before.close();
      await context.close();
    }

    // Back to the demo password, through the account's own "change password".
    const headers = await apiLogin(request, FORGETFUL, NEW_PASSWORD);
    const changed = await request.post('/api/v1/me/password', { headers, data: { current_password: NEW_PASSWORD, new_password: DEMO_PASSWORD } });
    expect(changed.ok(), await changed.text()).toBeTruthy();
    restore.done = true;
  });
});

test.describe.serial('personal data', () => {
  const person = {
    email: `leaving.${stamp}@example.org`,
    name: `Aada Leaving ${stamp}`,
    password: `leaving-secret-${stamp}`,
    id: '',
  };

  async function openUsers(page: Page) {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  }

  async function searchUsers(page: Page, q: string) {
    await page.getByRole('searchbox', { name: 'Search users by name or e-mail' }).fill(q);
    await page.getByRole('search').getByRole('button', { name: 'Search', exact: true }).click();
  }

  test('an administrator makes an account for a new person', async ({ page }) => {
    await signIn(page, demo.admin);
    await openUsers(page);
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.getByRole('textbox', { name: 'E-mail' }).fill(person.email);
    await dialog.getByRole('textbox', { name: 'Name' }).fill(person.name);
    await dialog.getByRole('combobox', { name: 'Organisation' }).selectOption({ label: 'Pohjanmaan Syöpäyhdistys (FI)' });
    await dialog.getByLabel('Initial password').fill(person.password);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();
    await searchUsers(page, person.email);
    await expect(page.getByRole('row', { name: new RegExp(person.name) })).toContainText('Active');
  });

  test('the person downloads their data, erases their account and cannot sign in again', async ({ browser }) => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await signIn(page, person.email, person.password);
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My account' }).click();

      const data = page.getByRole('region', { name: 'Download my data' });
      const [download] = await Promise.all([page.waitForEvent('download'), data.getByRole('button', { name: 'Download my data' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^peerbridge-my-data-\d{4}-\d{2}-\d{2}\.json$/);
      const text = await readFile(await download.path(), 'utf8');
      expect(text).toContain(person.email);
      expect(text).toContain(person.name);
      expect(text).not.toContain(person.password);
      const exported = JSON.parse(text) as { user?: { id?: string } };
      person.id = exported.user?.id ?? '';
      expect(person.id, `the export names the account:\n${text.slice(0, 500)}`).toMatch(/^[0-9a-f-]{36}$/);

      await page.getByRole('region', { name: 'Erase my account' }).getByRole('button', { name: 'Erase my account…' }).click();
      const confirm = page.getByRole('dialog', { name: 'Erase your account for good?' });
      await confirm.getByLabel('Current password').fill(person.password);
      await confirm.getByRole('button', { name: 'Erase my account' }).click();
      await expect(page).toHaveURL(/\/login$/);
      await expect(page.getByRole('status').filter({ hasText: 'Your account has been erased.' })).toBeVisible();

      await page.getByLabel('E-mail').fill(person.email);
      await page.getByLabel('Password').fill(person.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'E-mail or password is incorrect.' })).toBeVisible();
      await expect(page).toHaveURL(/\/login$/);
    } finally {
      await context.close();
    }
  });

  test('the administrators see only a pseudonym', async ({ page }) => {
    expect(person.id, 'the account was erased').toBeTruthy();
    await signIn(page, demo.admin);
    await openUsers(page);
    await searchUsers(page, person.email);
    await expect(page.getByText(`Nothing matches “${person.email}”.`)).toBeVisible();
    await searchUsers(page, person.name);
    await expect(page.getByText(`Nothing matches “${person.name}”.`)).toBeVisible();

    const name = pseudonym(person.id);
    await searchUsers(page, name);
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('rowheader')).toHaveText(name);
    await expect(row).toContainText('Erased');
    await expect(row).not.toContainText(person.email);
  });
});

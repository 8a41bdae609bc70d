import { expect, test } from '@playwright/test';
import { DEMO_PROGRAMME, demo, signIn } from './helpers';
import { linkIn, waitForMail } from './mail';

test('a coordinator invites a new partner, who accepts and joins the programme', async ({ page, browser }, testInfo) => {
  const stamp = Date.now();
  const inviteeEmail = `e2e.partner.${stamp}@example.org`;
  // Starts with "A" so that the name-sorted members list shows it on the first page.
  const inviteeName = `Aino E2E ${stamp}`;

  // --- The coordinator opens the programme and invites someone. ---
  await signIn(page, demo.coordinator);
  await page.getByRole('link', { name: DEMO_PROGRAMME }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_PROGRAMME })).toBeVisible();
  await page.getByRole('navigation', { name: 'Programme sections' }).getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Members' })).toBeVisible();

  await page.getByRole('button', { name: 'Invite a member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a member' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'E-mail' }).fill(inviteeEmail);
  await dialog.getByRole('textbox', { name: 'Name' }).fill(inviteeName);
  const organisation = dialog.getByRole('combobox', { name: 'Organisation' });
  // Wait for the organisations to load, then take an existing one.
  await expect(organisation.locator('option').nth(1)).toBeAttached();
  await organisation.selectOption({ index: 1 });
  await dialog.getByRole('checkbox', { name: /Partner/ }).check();
  await dialog.getByRole('button', { name: 'Create invitation' }).click();

  const created = page.getByRole('dialog', { name: 'Invitation created' });
  const linkField = created.getByRole('textbox', { name: 'Invitation link' });
  await expect(linkField).toHaveValue(/\/invitations\/[^/]+$/);
  await created.getByRole('button', { name: 'Copy link' }).click();
  await expect(created.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const inviteUrl = await linkField.inputValue();
  await created.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The invitation is listed as pending.
  await expect(page.getByRole('row', { name: new RegExp(inviteeEmail.replace(/\./g, '\\.')) })).toBeVisible();

  // --- The invitee opens the link in another browser and accepts. ---
  const baseURL = testInfo.project.use.baseURL ?? process.env.E2E_BASE_URL;
  const link = new URL(inviteUrl);
  const invitee = await browser.newContext({ baseURL, locale: 'en-GB' });
  try {
    const inviteePage = await invitee.newPage();
    await inviteePage.goto(`${link.pathname}${link.search}`);
    await expect(inviteePage.getByRole('heading', { level: 1, name: 'Accept your invitation' })).toBeVisible();
    await expect(inviteePage.getByText(DEMO_PROGRAMME).first()).toBeVisible();
    await expect(inviteePage.getByText(inviteeEmail)).toBeVisible();

    await expect(inviteePage.getByRole('textbox', { name: 'Name' })).toHaveValue(inviteeName);
    const password = `e2e-secret-${stamp}`;
    await inviteePage.getByLabel(/^Password/).fill(password);
    await inviteePage.getByLabel(/^Confirm password/).fill(password);
    await inviteePage.getByRole('button', { name: 'Accept and sign in' }).click();

    await expect(inviteePage).toHaveURL(/\/programmes\/[0-9a-f-]{36}$/);
    await expect(inviteePage.getByRole('heading', { level: 1, name: DEMO_PROGRAMME })).toBeVisible();
    await expect(inviteePage.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(inviteePage.getByText(inviteeName)).toBeVisible();
  } finally {
    await invitee.close();
  }

  // --- The coordinator sees the new member after a reload. ---
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Members' })).toBeVisible();
  const memberRow = page.getByRole('row', { name: new RegExp(inviteeName) });
  await expect(memberRow).toBeVisible();
  await expect(memberRow).toContainText('Partner');
  await expect(memberRow).toContainText(inviteeEmail);
});

test('an invitation is e-mailed in the language chosen for the invitee', async ({ page, browser }, testInfo) => {
  const stamp = Date.now();
  const inviteeEmail = `e2e.nl.${stamp}@example.org`;
  const since = new Date();

  await signIn(page, demo.coordinator);
  await page.getByRole('link', { name: DEMO_PROGRAMME }).click();
  await page.getByRole('navigation', { name: 'Programme sections' }).getByRole('link', { name: 'Members' }).click();
  await page.getByRole('button', { name: 'Invite a member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a member' });
  await dialog.getByRole('textbox', { name: 'E-mail' }).fill(inviteeEmail);
  await dialog.getByRole('textbox', { name: 'Name' }).fill(`Anouk E2E ${stamp}`);
  const organisation = dialog.getByRole('combobox', { name: 'Organisation' });
  await expect(organisation.locator('option').nth(1)).toBeAttached();
  await organisation.selectOption({ index: 1 });
  await dialog.getByRole('checkbox', { name: /Partner/ }).check();
  // The coordinator works in English; the invitee reads Dutch.
  await dialog.getByRole('combobox', { name: 'Language for e-mails and exports' }).selectOption('nl');
  await dialog.getByRole('button', { name: 'Create invitation' }).click();
  const created = page.getByRole('dialog', { name: 'Invitation created' });
  const inviteUrl = await created.getByRole('textbox', { name: 'Invitation link' }).inputValue();
  expect(inviteUrl).toMatch(/\/invitations\/[^/]+$/);
  await created.getByRole('button', { name: 'Done' }).click();

  // The e-mail is in Dutch, with the programme's Dutch name, and its link is the invitation's.
  const mail = await waitForMail(inviteeEmail, { since });
  expect(mail.subject).toBe('[Peerbridge] Uitnodiging voor Terug naar werk na kanker — wederzijds leren op Peerbridge');
  expect(mail.body).toContain('nodigt u uit om deel te nemen aan het programma');
  expect(mail.body).not.toContain('invites you');
  const link = new URL(linkIn(mail, /https?:\/\/\S+\/invitations\/\S+/));
  expect(link.pathname).toBe(new URL(inviteUrl).pathname);

  // The link opens the invitation for that address.
  const baseURL = testInfo.project.use.baseURL ?? process.env.E2E_BASE_URL;
  const invitee = await browser.newContext({ baseURL, locale: 'en-GB' });
  try {
    const inviteePage = await invitee.newPage();
    await inviteePage.goto(`${link.pathname}${link.search}`);
    await expect(inviteePage.getByText(inviteeEmail)).toBeVisible();
  } finally {
    await invitee.close();
  }
});

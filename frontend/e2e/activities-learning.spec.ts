import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PROGRAMME, demo, signIn } from './helpers';

/**
 * Exchange activities and mutual learning, as the people who use them: the coordinator plans a
 * study visit in Turku (host, dates in the coordinator's time zone, participants from two
 * countries, an agenda, a practice presented) and finds it in the programme's calendar; the
 * coordinator's personal calendar feed, read as a calendar app reads it, lists the visit at the
 * right time in UTC, and stops working once revoked. A Dutch partner that has not filled its
 * learning profile yet says what it wants to learn and asks a question; its matches then name
 * partners and practices in other countries with their reasons in words. The coordinator sees
 * the learning map with the Dutch partner's wish counted.
 */

// The coordinator plans in Belgian time; the feed gives every time in UTC.
test.use({ timezoneId: 'Europe/Brussels' });

const stamp = Date.now().toString(36);
// Long enough to be folded in the feed (75 octets a line), with a comma the feed must escape.
const visitTitle = `Study visit: three-party negotiations in Turku, with the Belgian coaches ${stamp}`;
const HOST = 'Turun Työterveys';
const PEER = 'Jobcentrum';
const PRACTICE = 'Three-party work ability negotiations before the return to work after cancer';
const AGENDA_ITEM = `Meeting the occupational health nurses ${stamp}`;

/** The Dutch partner whose learning profile the demo leaves empty; no other journey signs in as it. */
const LEARNER = 'doorstart.nl@peerbridge.example';
const LEARNER_ORGANISATION = 'Stichting Doorstart na Kanker';
const THEME = 'Who is involved in return to work, and how work and health are linked';
const QUESTION = `Who talks to the employer first when an employee returns after cancer? (${stamp})`;

const shared: { feedUrl?: string; startsUtc?: string; endsUtc?: string } = {};

async function openProgrammeSection(page: Page, section: string) {
  await page.getByRole('link', { name: DEMO_PROGRAMME }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_PROGRAMME })).toBeVisible();
  await page.getByRole('navigation', { name: 'Programme sections' }).getByRole('link', { name: section, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: section, exact: true })).toBeVisible();
}

async function inNewContext<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Brussels' });
  const page = await context.newPage();
  try {
    return await run(page);
  } finally {
    await context.close();
  }
}

/** A date `days` from today as the value of a datetime-local input (the browser's local time). */
function localInput(days: number, time: string): string {
  const d = new Date(Date.now() + days * 24 * 3600 * 1000);
  return `${d.toISOString().slice(0, 10)}T${time}`;
}

/** An iCalendar UTC date-time (20270315T080000Z) from an ISO instant. */
function icalUtc(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

interface IcsEvent {
  [property: string]: string;
}

/**
 * Reads an iCalendar feed back (RFC 5545 §3.1): lines end in CRLF, and a line that starts with a
 * space or tab continues the one before; TEXT values are unescaped.
 */
function parseIcs(text: string): { lines: string[]; events: IcsEvent[] } {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l !== '');
  const events: IcsEvent[] = [];
  let current: IcsEvent | null = null;
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).split(';')[0];
    const value = line.slice(colon + 1);
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      current[name] = value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    }
  }
  return { lines, events };
}

test.describe.serial('exchange activities and mutual learning', () => {
  test('the coordinator plans a study visit and finds it in the programme calendar', async ({ page }) => {
    await signIn(page, demo.coordinator);
    await openProgrammeSection(page, 'Activities');

    await page.getByRole('button', { name: 'New activity' }).click();
    const dialog = page.getByRole('dialog', { name: 'Plan an activity' });
    await expect(dialog.getByRole('combobox', { name: 'Kind' })).toHaveValue('study_visit');
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(visitTitle);
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Two days with the Finnish occupational health service.');
    const starts = localInput(45, '09:30');
    const ends = localInput(46, '16:00');
    await dialog.getByLabel('Starts').fill(starts);
    await dialog.getByLabel('Ends').fill(ends);
    await dialog.getByRole('combobox', { name: 'Host organisation' }).selectOption({ label: `${HOST} (FI)` });
    await dialog.getByRole('textbox', { name: 'City' }).fill('Turku');

    // Participants: the host first (the form proposes it), then the Belgian peers.
    const participants = dialog.getByRole('group', { name: 'Participants' });
    await participants.getByRole('button', { name: 'Add participant' }).click();
    await expect(participants.getByRole('combobox', { name: 'Organisation' }).nth(0)).toHaveValue(/[0-9a-f-]{36}/);
    await expect(participants.getByRole('combobox', { name: 'Role' }).nth(0)).toHaveValue('host');
    await participants.getByRole('spinbutton', { name: 'People' }).nth(0).fill('3');
    await participants.getByRole('button', { name: 'Add participant' }).click();
    await participants.getByRole('combobox', { name: 'Organisation' }).nth(1).selectOption({ label: `${PEER} (BE)` });
    await expect(participants.getByRole('combobox', { name: 'Role' }).nth(1)).toHaveValue('peer');
    await participants.getByRole('spinbutton', { name: 'People' }).nth(1).fill('2');

    const agenda = dialog.getByRole('group', { name: 'Agenda' });
    await agenda.getByRole('button', { name: 'Add agenda item' }).click();
    // The first item starts with the visit; it is the time it proposes.
    await expect(agenda.getByLabel('Time')).toHaveValue(starts);
    await agenda.getByRole('textbox', { name: 'Item' }).fill(AGENDA_ITEM);

    await dialog.getByRole('group', { name: 'Practices presented' }).getByRole('checkbox', { name: PRACTICE }).check();
    await dialog.getByRole('button', { name: 'Save activity' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `Activity “${visitTitle}” saved.` })).toBeVisible();

    // The calendar lists it under the upcoming activities, with its kind, host and two organisations.
    const upcoming = page.getByRole('region', { name: 'Upcoming' });
    const item = upcoming.getByRole('listitem').filter({ has: page.getByRole('link', { name: visitTitle }) });
    await expect(item).toContainText('Study visit');
    await expect(item).toContainText(`Hosted by ${HOST}`);
    await expect(item).toContainText('2 organisations');
    await expect(item).toContainText('Turku, Finland');

    await item.getByRole('link', { name: visitTitle }).click();
    await expect(page).toHaveURL(/\/activities\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: visitTitle })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Agenda' })).toContainText(AGENDA_ITEM);
    await expect(page.getByRole('region', { name: 'Practices presented' }).getByRole('link', { name: PRACTICE })).toBeVisible();
    const people = page.getByRole('region', { name: 'Participants' });
    await expect(people.getByRole('table', { name: '3 people from Finland' })).toContainText(HOST);
    await expect(people.getByRole('table', { name: '2 people from Belgium' })).toContainText(PEER);

    // What the browser sent for the Brussels times: the feed must give the same instants.
    shared.startsUtc = await page.evaluate((v) => new Date(v).toISOString(), starts);
    shared.endsUtc = await page.evaluate((v) => new Date(v).toISOString(), ends);
  });

  test('the coordinator subscribes to a calendar feed that lists the visit, then revokes it', async ({ page, request }) => {
    expect(shared.startsUtc, 'the study visit was planned').toBeTruthy();
    await signIn(page, demo.coordinator);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My account' }).click();
    const feed = page.getByRole('region', { name: 'Calendar feed' });
    await feed.getByRole('button', { name: /^(Create feed address|Make a new address)$/ }).click();
    const address = feed.getByRole('textbox', { name: 'Your feed address' });
    await expect(address).toHaveValue(/\/calendar\.ics\?token=/);
    shared.feedUrl = await address.inputValue();

    // A calendar app sends no session: the address alone opens the feed.
    const response = await request.get(shared.feedUrl);
    expect(response.status(), await response.text()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/calendar/);
    const text = await response.text();
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    // Folded lines: none longer than 75 octets, and the long title needed folding.
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).not.toContain(`SUMMARY:${visitTitle.replace(/,/g, '\\,')}\r\n`);

    const { lines, events } = parseIcs(text);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    const visit = events.find((e) => e.SUMMARY === visitTitle);
    expect(visit, `the feed lists “${visitTitle}”:\n${text}`).toBeTruthy();
    expect(visit?.DTSTART).toBe(icalUtc(shared.startsUtc ?? ''));
    expect(visit?.DTEND).toBe(icalUtc(shared.endsUtc ?? ''));
    // The country by its name in the coordinator's language.
    expect(visit?.LOCATION).toMatch(/^Turku, (Finland|Finlande|Finnland)$/);
    expect(visit?.URL).toMatch(/\/activities\/[0-9a-f-]{36}$/);
    expect(visit?.STATUS).toBe('CONFIRMED');

    await feed.getByRole('button', { name: 'Revoke feed' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your calendar feed address no longer works.' })).toBeVisible();
    await expect(address).toBeHidden();
    const revoked = await request.get(shared.feedUrl);
    expect(revoked.status()).toBe(404);
  });

  test('a partner says what it wants to learn and sees matches in other countries with their reasons', async ({ browser }) => {
    await inNewContext(browser, async (page) => {
      await signIn(page, LEARNER);
      await openProgrammeSection(page, 'Learning profile');
      const profile = page.getByRole('table', { name: `What ${LEARNER_ORGANISATION} offers and wants to learn, by theme` });
      await expect(profile).toBeVisible();

      await profile.getByRole('combobox', { name: `How much ${LEARNER_ORGANISATION} wants to learn about “${THEME}”` }).selectOption({ label: 'High interest' });
      await profile.getByRole('button', { name: `Add a question on “${THEME}”` }).click();
      await profile.getByRole('textbox', { name: `Question 1 on “${THEME}”` }).fill(QUESTION);
      await page.getByRole('button', { name: 'Save profile' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Learning profile saved.' })).toBeVisible();
      await expect(page.getByText(/^Last saved /)).toBeVisible();

      // Saved on the server: a fresh read shows it.
      await page.reload();
      await expect(profile.getByRole('combobox', { name: `How much ${LEARNER_ORGANISATION} wants to learn about “${THEME}”` })).toHaveValue('high');
      await expect(profile.getByRole('textbox', { name: `Question 1 on “${THEME}”` })).toHaveValue(QUESTION);

      await page.getByRole('link', { name: 'See your matches' }).click();
      await expect(page.getByRole('heading', { level: 2, name: 'Matches' })).toBeVisible();
      const matches = page.getByRole('table', { name: `Suggestions for ${LEARNER_ORGANISATION}, best first` });
      await expect(matches).toBeVisible();

      // The Belgian organisation that offers the theme, said in words, with a way to its practices.
      const offering = matches.getByRole('row').filter({ hasText: `Offers “${THEME}”, which you want to learn about (high interest).` });
      const jobcentrum = offering.filter({ has: page.getByRole('link', { name: `Practices of ${PEER}` }) });
      await expect(jobcentrum).toHaveCount(1);
      await expect(jobcentrum.getByRole('cell', { name: 'Belgium' })).toBeVisible();

      // Every suggestion comes from another country than the Netherlands, and has its reasons.
      const rows = matches.locator('tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      for (const row of await rows.all()) {
        await expect(row.getByRole('cell').nth(0)).not.toHaveText(/^Netherlands$/);
        await expect(row.getByRole('listitem').first()).toHaveText(/\S/);
      }

      // A practice that answers the wish, in another country, opens from its suggestion.
      const practice = matches
        .getByRole('row')
        .filter({ hasText: `Is about “${THEME}”, which you want to learn about (high interest).` })
        .first();
      const link = practice.getByRole('link').first();
      const title = (await link.textContent()) ?? '';
      expect(title).not.toBe('');
      await link.click();
      await expect(page).toHaveURL(/\/practices\/[0-9a-f-]{36}$/);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    });
  });

  test('the coordinator sees the learning map with the partner’s wish counted', async ({ page }) => {
    await signIn(page, demo.coordinator);
    await openProgrammeSection(page, 'Learning map');
    const heat = page.getByRole('table', { name: 'Organisations that offer and want to learn each theme, by country' });
    await expect(heat).toBeVisible();
    for (const country of ['BE', 'NL', 'FR', 'DE', 'FI', 'IE']) {
      await expect(heat.getByRole('columnheader', { name: country })).toBeVisible();
    }
    // The Netherlands: the Dutch network (high) and the Dutch partner of this journey (high).
    await expect(heat.getByRole('row', { name: new RegExp(`^${THEME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })).toContainText(
      /Netherlands, Who is involved in return to work, and how work and health are linked: \d+ offer, \d+ want some, [2-9]\d* want a lot/,
    );
    const pairs = page.getByRole('table', { name: 'Pairs of countries with mutual interest, most themes first' });
    await expect(pairs.getByRole('rowheader', { name: 'Belgium and Netherlands' })).toBeVisible();
  });
});

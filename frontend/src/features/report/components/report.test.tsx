import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '@/api/session-store';
import i18n from '@/i18n';
import type { ProgrammeOutletContext } from '@/lib/programme-context';
import { json, mockFetch, problem } from '@/test/fetch-mock';
import { programme, tokenPair } from '@/test/fixtures';
import { renderRoutes, renderWithProviders } from '@/test/render';
import type { ProgrammeReport, ReportNotes } from '../api/types';
import { ReportDocument } from './report-document';
import { ReportPage } from './report-page';

const none = { alpha: null, units: 0, pairable_values: 0, ci95: null, p_below_667: null, reading: 'too_few_units' as const };

export const report: ProgrammeReport = {
  programme: { ...programme, name: 'Return to work after cancer' },
  lang: 'en',
  generated_at: '2026-11-30T10:00:00Z',
  outputs: { information_exchanged: 5, practices_reviewed: 2, products_adapted: 4, new_products: 1 },
  timeline: [
    { month: '2026-09', information_exchanged: 3, practices_reviewed: 2, products_adapted: 0, new_products: 0 },
    { month: '2026-11', information_exchanged: 2, practices_reviewed: 0, products_adapted: 4, new_products: 1 },
  ],
  activities: {
    held: 3,
    by_kind: [
      { key: 'workshop', count: 2 },
      { key: 'peer_review_meeting', count: 1 },
    ],
    by_host_country: [
      { key: 'NL', count: 2 },
      { key: 'BE', count: 1 },
    ],
    participants: [
      { country: 'NL', role: 'host', organisations: 1, people: 8 },
      { country: 'BE', role: 'peer', organisations: 2, people: 5 },
      { country: 'BE', role: 'host', organisations: 1, people: 2 },
    ],
    list: [
      { id: 'a1', starts_at: '2026-09-10T08:00:00Z', kind: 'peer_review_meeting', title: 'Peer review in Leuven', host_organisation_name: 'Jobcentrum', host_country: 'BE' },
      { id: 'a2', starts_at: '2026-10-02T08:00:00Z', kind: 'workshop', title: 'Employers’ workshop', host_organisation_name: 'Werkbrug', host_country: 'NL' },
    ],
  },
  review_rounds: [
    {
      round_id: 'r0000000-0000-4000-8000-000000000001',
      name: 'Spring round',
      status: 'decided',
      blind: true,
      practices: 6,
      decided: 6,
      reviews: 12,
      decisions: [
        { key: 'good_practice', count: 4 },
        { key: 'promising_practice', count: 2 },
      ],
      agreement: {
        weighted_score: { alpha: 0.712, units: 6, pairable_values: 12, ci95: [0.41, 0.9], p_below_667: 0.4, reading: 'tentative', icc: { single: 0.61, average: 0.76, reviews_per_practice: 2 }, sem: 8.1 },
        criteria: [],
        gates: { ...none, reading: 'no_variation' },
        recommendation: none,
      },
    },
  ],
  adaptations: {
    by_stage: [{ key: 'implementing', count: 4 }],
    by_fidelity: [
      { key: 'inconsistent', count: 1 },
      { key: 'consistent', count: 3 },
    ],
    flows: [
      { from_country: 'NL', to_country: 'DE', count: 3, by_fidelity: [{ key: 'consistent', count: 3 }] },
      { from_country: 'NL', to_country: 'IE', count: 1, by_fidelity: [{ key: 'inconsistent', count: 1 }] },
    ],
  },
  work_resumption: {
    total: {
      adaptations: 3,
      participants: 40,
      returned_to_work: { count: 14, of: 40, rate: 0.35, ci95: [0.2213, 0.5049] },
      in_work_after_6_months: { count: 6, of: 28, rate: 0.2143, ci95: [0.1021, 0.3954] },
    },
    practices: 1,
    by_practice: [
      {
        practice_id: 'p0000000-0000-4000-8000-000000000001',
        title: 'Employer network',
        country: 'NL',
        adaptations: 3,
        participants: 40,
        returned_to_work: { count: 14, of: 40, rate: 0.35, ci95: [0.2213, 0.5049] },
        in_work_after_6_months: { count: 6, of: 28, rate: 0.2143, ci95: [0.1021, 0.3954] },
      },
    ],
    by_country: [
      {
        country: 'DE',
        adaptations: 2,
        participants: 32,
        returned_to_work: { count: 14, of: 32, rate: 0.4375, ci95: [0.2817, 0.6067] },
        in_work_after_6_months: { count: 6, of: 20, rate: 0.3, ci95: [0.1455, 0.519] },
      },
      {
        country: 'IE',
        adaptations: 1,
        participants: 0,
        returned_to_work: { count: 0, of: 0, rate: null, ci95: null },
        in_work_after_6_months: { count: 0, of: 0, rate: null, ci95: null },
      },
    ],
  },
  barriers: [
    { key: 'privacy rules', count: 3 },
    { key: 'no budget', count: 1 },
  ],
  facilitators: [],
  transferability: [{ practice_country: 'NL', reviewer_country: 'DE', ratings: 2, mean: 3.5 }],
  notes: { conclusions: '', policy_lessons: '', version: 1, updated_at: null },
};

const notes: ReportNotes = { conclusions: 'Networks work.', policy_lessons: '', version: 2, updated_at: '2026-11-30T09:00:00Z' };

afterEach(async () => {
  vi.useRealTimers();
  await i18n.changeLanguage('en');
});

describe('the report document', () => {
  it('has a cover, a table of contents and every section, numbered', () => {
    renderWithProviders(<ReportDocument report={report} notes={{ conclusions: 'First paragraph.\n\nSecond paragraph.', policy_lessons: '' }} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Return to work after cancer' })).toBeInTheDocument();
    const toc = screen.getByRole('navigation', { name: 'Contents' });
    const entries = within(toc).getAllByRole('link').map((a) => a.textContent);
    expect(entries).toEqual([
      '1. The four outputs',
      '2. Exchange activities held',
      '3. Peer review and agreement',
      '4. Where practices travelled',
      '5. Return to work',
      '6. Barriers and facilitators',
      '7. Transferability between countries',
      '8. Conclusions',
      '9. Lessons for policy',
    ]);
    expect(within(toc).getByRole('link', { name: '5. Return to work' })).toHaveAttribute('href', '#report-resumption');
    for (const name of entries) expect(screen.getByRole('heading', { level: 2, name: name! })).toBeInTheDocument();
    // The coordinators' text in paragraphs; an empty text says so.
    expect(screen.getByText('Second paragraph.')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: '9. Lessons for policy' })).getByText('Not written yet.')).toBeInTheDocument();
  });

  it('draws the work-resumption rates with their Wilson intervals, and says when there is no rate', () => {
    const { container } = renderWithProviders(<ReportDocument report={report} notes={{ conclusions: '', policy_lessons: '' }} />);
    const byCountry = screen.getByRole('table', { name: 'By adopting country' });
    const germany = within(byCountry).getByRole('row', { name: /Germany/ });
    expect(germany).toHaveTextContent('14 of 32 (43.8%)');
    expect(germany).toHaveTextContent('95 %: 28.2% – 60.7%');
    expect(within(germany).getByText('43.8%, 95 % interval from 28.2% to 60.7%')).toBeInTheDocument();
    // The interval is drawn as a bar from the lower to the upper limit on a 0–100 % scale.
    const bar = germany.querySelector('.rate-interval-bar')!;
    expect(Number(bar.getAttribute('x'))).toBeCloseTo(0.2817 * 96, 3);
    expect(Number(bar.getAttribute('width'))).toBeCloseTo((0.6067 - 0.2817) * 96, 3);
    const ireland = within(byCountry).getByRole('row', { name: /Ireland/ });
    expect(within(ireland).getAllByText('No participants')).toHaveLength(2);
    expect(ireland.querySelector('svg')).toBeNull();
    // The practice's title links to its printable sheet.
    expect(screen.getByRole('link', { name: 'Employer network' })).toHaveAttribute('href', '/practices/p0000000-0000-4000-8000-000000000001/sheet');
    // Tables repeat their header row on each printed page: a real thead on every table.
    for (const table of container.querySelectorAll('table')) expect(table.querySelector('thead')).not.toBeNull();
    // Charts are plain SVG: nothing drawn on a canvas.
    expect(container.querySelector('canvas')).toBeNull();
  });

  it('shows agreement with its interval and reading, flows with fidelity, and transferability by country pair', () => {
    renderWithProviders(<ReportDocument report={report} notes={{ conclusions: '', policy_lessons: '' }} />);
    const agreement = screen.getByRole('table', { name: 'Agreement of the reviewers in Spring round' });
    const weighted = within(agreement).getByRole('row', { name: /Weighted score/ });
    expect(weighted).toHaveTextContent('0.712');
    expect(weighted).toHaveTextContent('0.41 to 0.90');
    expect(weighted).toHaveTextContent('Tentative conclusions only');
    expect(within(agreement).getByRole('row', { name: /Minimum criteria/ })).toHaveTextContent('All reviewers gave the same answer');
    expect(agreement).toHaveTextContent('0.610 for one review, 0.760 for the mean of 2.00 reviews');
    expect(screen.getByRole('table', { name: 'Review rounds and their decisions' })).toHaveTextContent('Good practice: 4, Promising practice: 2');

    const flows = screen.getByRole('table', { name: 'Adaptations by country of the practice and adopting country' });
    expect(within(flows).getAllByRole('row')[2]).toHaveTextContent('Netherlands (NL)Ireland (IE)1Not consistent: 1');
    expect(screen.getByRole('table', { name: /Transferability ratings/ })).toHaveTextContent('Netherlands (NL)Germany (DE)23.50');
  });

  it('shows the activities held by kind and host country, who took part by country and role, and the list', () => {
    renderWithProviders(<ReportDocument report={report} notes={{ conclusions: '', policy_lessons: '' }} />);
    const section = screen.getByRole('region', { name: '2. Exchange activities held' });
    expect(section).toHaveTextContent('3 activities were held.');
    // Bars by kind in the order of the forms (peer-review meeting before workshop), by host country as counted.
    const byKind = within(section).getByRole('img', { name: 'Activities held by kind' });
    expect([...byKind.querySelectorAll('text')].map((n) => n.textContent)).toEqual(expect.arrayContaining(['Peer-review meeting', 'Workshop']));
    expect(byKind.textContent!.indexOf('Peer-review meeting')).toBeLessThan(byKind.textContent!.indexOf('Workshop'));
    expect(within(section).getByRole('img', { name: 'Activities held by host country' })).toHaveTextContent('Netherlands');
    // Participants by country (by name), hosts before peers.
    const people = within(section).getByRole('table', { name: 'Organisations and people that took part, by country and role' });
    const rows = within(people).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['Belgium (BE)Host12', 'Belgium (BE)Peer25', 'Netherlands (NL)Host18']);
    const list = within(section).getByRole('table', { name: 'Activities held' });
    expect(within(list).getAllByRole('row')[1]).toHaveTextContent('Peer-review meetingPeer review in LeuvenBelgium (BE) — Jobcentrum');
    // The table lists fewer than were held: it says so.
    expect(section).toHaveTextContent('The first 2 of the 3 activities held are listed.');
  });

  it('says when no activity was held', () => {
    renderWithProviders(
      <ReportDocument
        report={{ ...report, activities: { held: 0, by_kind: [], by_host_country: [], participants: [], list: [] } }}
        notes={{ conclusions: '', policy_lessons: '' }}
      />,
    );
    expect(screen.getByRole('region', { name: '2. Exchange activities held' })).toHaveTextContent('No activities were held yet.');
  });

  it('speaks the reader’s language', async () => {
    await i18n.changeLanguage('nl');
    renderWithProviders(<ReportDocument report={report} notes={{ conclusions: '', policy_lessons: '' }} />);
    expect(screen.getByRole('heading', { level: 2, name: '5. Werkhervatting' })).toBeInTheDocument();
    const held = screen.getByRole('table', { name: 'Gehouden activiteiten' });
    expect(within(held).getAllByRole('row')[1]).toHaveTextContent('Peer-reviewbijeenkomst');
    expect(screen.getByRole('img', { name: 'Gehouden activiteiten naar gastland' })).toHaveTextContent('Nederland');
    expect(screen.getByRole('table', { name: 'Per overnemend land' })).toHaveTextContent('14 van 32 (43,8%)');
  });
});

function renderReport(canCoordinate = true) {
  const context: ProgrammeOutletContext = { programme: { ...report.programme, my_roles: canCoordinate ? ['coordinator'] : ['partner'] }, etag: '"1"', canCoordinate };
  return renderRoutes(
    [{ path: '/programmes/:id', element: <Outlet context={context} />, children: [{ path: 'report', element: <ReportPage /> }] }],
    `/programmes/${programme.id}/report`,
  );
}

describe('the report page', () => {
  it('saves the notes with If-Match and prints them in the document', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([
      { method: 'GET', path: `/api/v1/programmes/${programme.id}/report`, respond: () => json(report) },
      { method: 'GET', path: `/api/v1/programmes/${programme.id}/report-notes`, respond: () => json(notes, { headers: { ETag: '"2"' } }) },
      {
        method: 'PUT',
        path: `/api/v1/programmes/${programme.id}/report-notes`,
        respond: (req) => json({ ...(req.body as object), version: 3, updated_at: '2026-11-30T11:00:00Z' }, { headers: { ETag: '"3"' } }),
      },
    ]);
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    renderReport();
    const conclusions = await screen.findByRole('textbox', { name: 'Conclusions' });
    expect(conclusions).toHaveValue('Networks work.');
    expect(calls.find((c) => c.path.endsWith('/report'))?.search).toBe('?lang=en');
    const user = userEvent.setup();
    await user.type(conclusions, ' Fund them.');
    await user.click(screen.getByRole('button', { name: 'Save now' }));
    await screen.findByText('Saved');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.headers.get('If-Match')).toBe('"2"');
    expect(put.body).toEqual({ conclusions: 'Networks work. Fund them.', policy_lessons: '' });
    expect(within(screen.getByRole('region', { name: '8. Conclusions' })).getByText('Networks work. Fund them.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Print / Save as PDF' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('says clearly when another coordinator saved first, and keeps the text until asked', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([
      { method: 'GET', path: `/api/v1/programmes/${programme.id}/report`, respond: () => json(report) },
      { method: 'GET', path: `/api/v1/programmes/${programme.id}/report-notes`, respond: () => json(notes, { headers: { ETag: '"2"' } }), times: 1 },
      { method: 'PUT', path: `/api/v1/programmes/${programme.id}/report-notes`, respond: () => problem(412, { code: 'version_mismatch' }), times: 1 },
      {
        method: 'GET',
        path: `/api/v1/programmes/${programme.id}/report-notes`,
        respond: () => json({ ...notes, conclusions: 'Their text.', version: 4 }, { headers: { ETag: '"4"' } }),
      },
      { method: 'PUT', path: `/api/v1/programmes/${programme.id}/report-notes`, respond: (req) => json({ ...(req.body as object), version: 5, updated_at: null }, { headers: { ETag: '"5"' } }) },
    ]);
    renderReport();
    const user = userEvent.setup();
    const lessons = await screen.findByRole('textbox', { name: 'Lessons for policy' });
    await user.type(lessons, 'Mine.');
    await user.click(screen.getByRole('button', { name: 'Save now' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Another coordinator changed these notes');
    expect(lessons).toHaveValue('Mine.');
    await user.click(within(alert).getByRole('button', { name: 'Keep my version' }));
    await screen.findByText('Saved');
    const puts = calls.filter((c) => c.method === 'PUT');
    expect(puts.map((p) => p.headers.get('If-Match'))).toEqual(['"2"', '"4"']);
    expect(puts[1].body).toEqual({ conclusions: 'Networks work.', policy_lessons: 'Mine.' });
  });

  it('is for coordinators only', async () => {
    renderReport(false);
    expect(await screen.findByText("Only the programme's coordinators can read and print the report.")).toBeInTheDocument();
  });
});

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { PublicPractice, PublicProgramme } from '@/api/types';
import i18n from '@/i18n';
import { json, mockFetch, problem, type RecordedRequest } from '@/test/fetch-mock';
import { practice, programme } from '@/test/fixtures';
import { renderRoutes } from '@/test/render';
import { retryInWords } from './contact-form';
import { PublicPracticePage } from './public-practice-page';

const published: PublicPractice = {
  ...practice,
  language: 'nl',
  title: 'Jobcoach in het ziekenhuis',
  summary: 'Een jobcoach houdt wekelijks spreekuur.',
  contact: { name: 'Koen Maes', email: '' },
  translations: [
    {
      language: 'fr',
      status: 'machine',
      title: 'Coach emploi à l’hôpital',
      summary: 'Un coach emploi tient une permanence hebdomadaire.',
      context: '',
      approach: '',
      resources: '',
      outcomes: '',
      transferability: '',
      lessons_learned: '',
      learning_questions: [],
      products: [],
      updated_at: '2025-05-01T10:00:00Z',
    },
  ],
  status: 'published',
  published_at: '2026-03-12T10:00:00Z',
  allowed_actions: [],
  recognition: { label: 'promising_practice', decided_at: '2026-03-12T10:00:00Z', round: { id: '7d1c1a4e-1111-4000-8000-000000000009', name: 'Spring round 2026' } },
  contact_available: true,
};

const publicProgramme: PublicProgramme = {
  id: programme.id,
  name: programme.name,
  description: '',
  objective: '',
  languages: ['nl', 'fr'],
  translations: {},
  themes: [{ key: 'employer_engagement', title: 'Employer engagement', titles: { fr: 'Engagement des employeurs' }, label: 'Engagement des employeurs' }],
  target_groups: [],
};

const contactPath = `/api/v1/public/practices/${practice.id}/contact`;

function renderPage(respond: (req: RecordedRequest) => Response = () => new Response(null, { status: 202 }), page: PublicPractice = published) {
  const mock = mockFetch([
    { method: 'GET', path: `/api/v1/public/practices/${practice.id}`, respond: () => json(page) },
    { method: 'GET', path: `/api/v1/public/programmes/${programme.id}`, respond: () => json(publicProgramme) },
    { method: 'POST', path: contactPath, respond },
  ]);
  renderRoutes([{ path: '/catalogue/:id', element: <PublicPracticePage /> }], `/catalogue/${practice.id}`);
  return mock;
}

async function fillIn(message = 'We run a similar programme in Poland. Could we talk?') {
  const user = userEvent.setup();
  await user.type(await screen.findByRole('textbox', { name: /Your name/ }), 'Marta Kowalska');
  await user.type(screen.getByRole('textbox', { name: /Your e-mail address/ }), 'marta@visitor.example');
  await user.type(screen.getByRole('textbox', { name: /Your message/ }), message);
  return user;
}

describe('PublicPracticePage', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('reads in the reader’s language first, with the label, the round and the way to the original', async () => {
    await i18n.changeLanguage('fr');
    renderPage();
    const title = await screen.findByRole('heading', { level: 1, name: 'Coach emploi à l’hôpital' });
    expect(title.querySelector('[lang]')).toHaveAttribute('lang', 'fr');
    expect(screen.getByText('Pratique prometteuse')).toBeInTheDocument();
    expect(screen.getByText(/^Spring round 2026, décision du 12/)).toBeInTheDocument();
    const original = screen.getByRole('link', { name: 'Lire l’original (néerlandais)' });
    expect(original).toHaveAttribute('href', `/catalogue/${practice.id}?lang=nl`);
    // The themes are titled from the programme's public vocabulary, in French.
    expect(await screen.findByText('Engagement des employeurs')).toBeInTheDocument();

    await userEvent.setup().click(original);
    expect(await screen.findByRole('heading', { level: 1, name: 'Jobcoach in het ziekenhuis' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Lire l’original/ })).not.toBeInTheDocument();
  });

  it('sends a message to the contact and says it is on its way, never showing the address', async () => {
    const { calls } = renderPage();
    const user = await fillIn();
    await user.click(screen.getByRole('button', { name: 'Send the message' }));
    expect(await screen.findByText(/Your message is on its way to Koen Maes/)).toHaveAttribute('role', 'status');
    const sent = calls.find((c) => c.method === 'POST' && c.path === contactPath);
    expect(sent?.body).toEqual({ name: 'Marta Kowalska', email: 'marta@visitor.example', message: 'We run a similar programme in Poland. Could we talk?' });
    expect(document.body.textContent).not.toContain('@werkwijs');
    await user.click(screen.getByRole('button', { name: 'Write another message' }));
    expect(screen.getByRole('textbox', { name: /Your message/ })).toHaveValue('');
  });

  it('checks the fields before sending, and shows the server’s field errors where they belong', async () => {
    const { calls } = renderPage(() => problem(400, { code: 'validation_failed', errors: [{ field: 'email', code: 'invalid_format', message: 'must be an e-mail address', params: { format: 'email' } }] }));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Send the message' }));
    expect(screen.getByRole('textbox', { name: /Your name/ })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: /Your message/ })).toHaveAttribute('aria-invalid', 'true');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await fillIn();
    await user.click(screen.getByRole('button', { name: 'Send the message' }));
    const email = screen.getByRole('textbox', { name: /Your e-mail address/ });
    await screen.findByRole('alert');
    expect(email).toHaveAttribute('aria-invalid', 'true');
  });

  it('says in words when a visitor who sent too many messages may write again', async () => {
    renderPage(() => problem(429, { code: 'too_many_requests', params: { limit: 'client', retry_after: 2700 } }, { 'Retry-After': '2700' }));
    const user = await fillIn();
    await user.click(screen.getByRole('button', { name: 'Send the message' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You have sent as many messages as this form allows for now.');
    expect(alert).toHaveTextContent(/You can write again at .+ \(in about 45 minutes\)\./);
  });

  it('has no contact form when the practice has no contact', async () => {
    renderPage(undefined, { ...published, contact_available: false });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('button', { name: 'Send the message' })).not.toBeInTheDocument();
  });
});

describe('retryInWords', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  it('counts minutes, then hours, in the reader’s language', () => {
    const t = i18n.getFixedT('en');
    expect(retryInWords(60, t, 'en', now)).toMatch(/\(in about a minute\)\.$/);
    expect(retryInWords(3600, t, 'en', now)).toMatch(/\(in about 60 minutes\)\.$/);
    expect(retryInWords(6 * 3600, t, 'en', now)).toMatch(/\(in about 6 hours\)\.$/);
  });
  it('names the day when it is not today', () => {
    const t = i18n.getFixedT('en');
    expect(retryInWords(22 * 3600, t, 'en', now)).toContain('2026');
  });
});


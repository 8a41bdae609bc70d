import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '@/api/session-store';
import { json, mockFetch, problem } from '@/test/fetch-mock';
import { practice, programme, tokenPair, user } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import type { Practice, PracticeSummary } from '../api/types';
import { type AdaptationDraft, emptyDraft, toInput } from './adaptation-draft';
import { AdaptationForm } from './adaptation-form';
import { deriveFidelity, fidelityProblem } from './fidelity';

const CORE = ['Eén vaste jobcoach van begin tot einde', 'Gezamenlijk overleg van werknemer, werkgever en bedrijfsarts', 'Plan voor geleidelijke werkhervatting'];
const productId = '9a8b7c6d-0000-4000-8000-000000000301';
const source: Practice = {
  ...practice,
  status: 'published',
  title: 'Rentree',
  products: [{ id: productId, name: 'Rentree-begeleidingstraject', kind: 'guidance', description: '', core_elements: CORE }],
};
const summary = {
  id: source.id,
  programme_id: programme.id,
  organisation: source.organisation,
  title: source.title,
  summary: '',
  language: 'nl',
  country: 'BE',
  themes: [],
  target_groups: [],
  status: 'published',
  evidence_level: 'monitoring',
  translations_available: [],
  updated_at: '2026-01-01T00:00:00Z',
} as PracticeSummary;

function renderForm(onSubmit = vi.fn(async () => {}), initial: AdaptationDraft = emptyDraft({ sourcePracticeId: source.id, productId })) {
  sessionStore.setTokens(tokenPair());
  const net = mockFetch([
    { method: 'GET', path: `/api/v1/practices/${source.id}`, respond: () => json(source, { headers: { ETag: '"3"' } }) },
    { method: 'GET', path: '/api/v1/me', respond: () => json(user) },
  ]);
  renderWithProviders(
    <AdaptationForm programme={programme} practices={[summary]} initial={initial} submitLabel="Save the adaptation" pending={false} onSubmit={onSubmit} onCancel={() => {}} />,
  );
  return { onSubmit, ...net };
}

/** The radio group of one core element, named by the element itself. */
async function coreGroup(element: string) {
  return screen.findByRole('radiogroup', { name: element });
}

describe('fidelity rules', () => {
  it('derives consistent, inconsistent or unknown from the core elements kept and changed', () => {
    expect(deriveFidelity(CORE, { [CORE[0]]: 'kept', [CORE[1]]: 'kept', [CORE[2]]: 'kept' })).toBe('consistent');
    expect(deriveFidelity(CORE, { [CORE[0]]: 'kept', [CORE[1]]: 'changed' })).toBe('inconsistent');
    expect(deriveFidelity(CORE, { [CORE[0]]: 'kept' })).toBe('unknown');
    expect(deriveFidelity([], {})).toBe('unknown');
  });

  it('refuses the combinations the server refuses', () => {
    expect(fidelityProblem('consistent', { kept: [], changed: [CORE[0]] }, true)).toBe('consistentWithChanges');
    expect(fidelityProblem('inconsistent', { kept: CORE, changed: [] }, true)).toBe('inconsistentWithoutChanges');
    // Without a product there are no core elements to name: any answer goes.
    expect(fidelityProblem('inconsistent', { kept: [], changed: [] }, false)).toBeNull();
    expect(fidelityProblem('unknown', { kept: [], changed: [CORE[0]] }, true)).toBeNull();
  });
});

describe('adaptation form', { timeout: 60_000 }, () => {
  it('explains every FRAME choice in plain words', async () => {
    renderForm();
    const when = await screen.findByRole('radiogroup', { name: 'When did you change it?' });
    expect(within(when).getByRole('radio', { name: 'Before you started' })).toHaveAccessibleDescription(
      'While preparing, before the first participant took part.',
    );
    expect(within(when).getByRole('radio', { name: 'To keep it going' })).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: 'Was the change planned?' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Who decided?' })).toBeInTheDocument();
    const content = screen.getByRole('group', { name: 'What did you change in the content?' });
    expect(within(content).getByText('Shortening')).toBeInTheDocument();
    expect(within(content).getByText('Fewer or shorter sessions.')).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: 'At what level?' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Society and policy' })).toBeInTheDocument();
    expect(screen.getByText('For example other sick-leave or re-integration rules.')).toBeInTheDocument();
    // The core elements of the chosen product, each with Kept / Changed.
    for (const element of CORE) {
      const group = await coreGroup(element);
      expect(within(group).getByRole('radio', { name: 'Kept' })).toBeInTheDocument();
      expect(within(group).getByRole('radio', { name: 'Changed' })).toBeInTheDocument();
    }
    expect(screen.getByText('Based on your answers: Not known.')).toBeInTheDocument();
  });

  it('derives fidelity from the core elements kept and changed, and says why', async () => {
    renderForm();
    const user = userEvent.setup();
    const fidelity = () => screen.getByRole('radiogroup', { name: 'Is the adaptation faithful to the original?' });

    for (const element of CORE) await user.click(within(await coreGroup(element)).getByRole('radio', { name: 'Kept' }));
    expect(screen.getByText('Based on your answers: Consistent.')).toBeInTheDocument();
    expect(screen.getByText('You kept all 3 core elements.')).toBeInTheDocument();
    expect(within(fidelity()).getByRole('radio', { name: 'Consistent' })).toBeChecked();

    await user.click(within(await coreGroup(CORE[1])).getByRole('radio', { name: 'Changed' }));
    expect(screen.getByText('Based on your answers: Not consistent.')).toBeInTheDocument();
    expect(screen.getByText('You changed 1 core element.')).toBeInTheDocument();
    expect(within(fidelity()).getByRole('radio', { name: 'Not consistent' })).toBeChecked();
  });

  it('refuses "consistent" when a core element was changed, on the field, without sending', async () => {
    const { onSubmit } = renderForm();
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /Title of your adaptation/ }), 'Werkbrug-traject');
    await user.click(within(await coreGroup(CORE[0])).getByRole('radio', { name: 'Changed' }));
    const fidelity = screen.getByRole('radiogroup', { name: 'Is the adaptation faithful to the original?' });
    await user.click(within(fidelity).getByRole('radio', { name: 'Consistent' }));
    expect(screen.getByText('You chose “Consistent” instead.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save the adaptation' }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(await screen.findByText('Please correct the error below.')).toBeInTheDocument();
    const consistent = within(fidelity).getByRole('radio', { name: 'Consistent' });
    expect(consistent).toHaveAttribute('aria-invalid', 'true');
    expect(within(fidelity).getByText(/cannot be consistent with the original/)).toBeInTheDocument();
    await waitFor(() => expect(consistent).toHaveFocus());

    // Following the answers again clears the contradiction.
    await user.click(screen.getByRole('button', { name: 'Follow my answers about the core elements' }));
    expect(within(fidelity).getByRole('radio', { name: 'Not consistent' })).toBeChecked();
  });

  it('sends the FRAME answers, the core elements kept and changed, barriers and facilitators', async () => {
    const { onSubmit } = renderForm();
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /Title of your adaptation/ }), 'Werkbrug-traject');
    await user.click(screen.getByRole('radio', { name: 'While running it' }));
    await user.click(screen.getByRole('checkbox', { name: /Shortening/ }));
    for (const element of CORE) await user.click(within(await coreGroup(element)).getByRole('radio', { name: 'Kept' }));
    await user.type(screen.getByRole('textbox', { name: 'A barrier' }), 'No budget{Enter}');
    await user.type(screen.getByRole('textbox', { name: 'Something that helped' }), 'One contact');
    await user.click(screen.getByRole('button', { name: /Add facilitator/ }));
    expect(screen.getByRole('button', { name: 'Remove “No budget”' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save the adaptation' }));

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const [draft, core] = onSubmit.mock.calls[0] as unknown as [AdaptationDraft, string[]];
    const body = toInput(draft, core);
    expect(body).toMatchObject({
      source_practice_id: source.id,
      product_id: productId,
      title: 'Werkbrug-traject',
      stage: 'exploring',
      barriers: ['No budget'],
      facilitators: ['One contact'],
      frame: {
        when: 'implementation',
        content_modifications: ['shortening'],
        fidelity: 'consistent',
        core_elements_kept: CORE,
        core_elements_changed: [],
      },
    });
  });

  it('puts the server’s field errors on the FRAME fields they name', async () => {
    const onSubmit = vi.fn(async () => {
      const { toApiError } = await import('@/api/errors');
      const response = problem(400, { code: 'validation_failed', errors: [{ field: 'frame.when', message: 'must be one of [pre_implementation …]' }] });
      throw toApiError(response, await response.clone().json());
    });
    renderForm(onSubmit);
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /Title of your adaptation/ }), 'X');
    await user.click(screen.getByRole('button', { name: 'Save the adaptation' }));
    const when = await screen.findByRole('radiogroup', { name: 'When did you change it?' });
    await waitFor(() => expect(when).toHaveAttribute('aria-invalid', 'true'));
    expect(within(when).getByText(/must be one of/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /When: must be one of/ })).toHaveAttribute('href', '#af-frame-when');
  });
});

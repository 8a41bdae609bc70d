import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { Dialog } from './dialog';
import { TextField } from './form-fields';

function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open the dialog
      </button>
      <Dialog open={open} onOpenChange={setOpen} title="Rename">
        <TextField label="New name" />
      </Dialog>
    </>
  );
}

describe('Dialog', () => {
  it('moves focus into the dialog on open and back to the opener on close', async () => {
    renderWithProviders(<Harness />);
    const user = userEvent.setup();
    const opener = screen.getByRole('button', { name: 'Open the dialog' });

    await user.click(opener);

    const dialog = await screen.findByRole('dialog', { name: 'Rename' });
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'New name' })).toHaveFocus());
    expect(dialog).toContainElement(document.activeElement as HTMLElement);

    await user.keyboard('{Escape}');

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(opener).toHaveFocus();
  });
});

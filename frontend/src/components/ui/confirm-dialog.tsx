import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { Dialog, DialogClose } from './dialog';
import { FormAlert } from './form-fields';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  message: ReactNode;
  confirmLabel: ReactNode;
  onConfirm: () => void;
  pending?: boolean;
  error?: string | null;
  tone?: 'danger' | 'primary';
  /** Where focus goes when the dialog closes, instead of back to its opener. */
  finalFocus?: () => HTMLElement | null | undefined;
}

export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  message,
  confirmLabel,
  onConfirm,
  pending,
  error,
  tone = 'danger',
  finalFocus,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={message} finalFocus={finalFocus}>
      <FormAlert message={error} />
      <div className="form-actions">
        <Button variant={tone} onClick={onConfirm} pending={pending} pendingLabel={t('actions.working')}>
          {confirmLabel}
        </Button>
        <DialogClose>
          <Button variant="secondary">{t('actions.cancel')}</Button>
        </DialogClose>
      </div>
    </Dialog>
  );
}

/** Asks whether to leave a form whose changes could not be saved first (the `leave` guard of `useVersionedAutosave`). */
export function LeaveConfirmDialog({
  leave,
  ...texts
}: Pick<ConfirmDialogProps, 'title' | 'message' | 'confirmLabel'> & { leave: { asking: boolean; go: () => void; stay: () => void } }) {
  return (
    <ConfirmDialog
      open={leave.asking}
      onOpenChange={(open) => {
        if (!open) leave.stay();
      }}
      onConfirm={leave.go}
      {...texts}
    />
  );
}

import * as RadixDialog from '@radix-ui/react-dialog';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  size?: 'md' | 'lg';
  /**
   * Where focus goes when the dialog closes, when not back to the control that opened it (e.g.
   * the form field a message in the dialog pointed to). Asked at closing time.
   */
  finalFocus?: () => HTMLElement | null | undefined;
}

/**
 * A modal dialog: focus moves into it when it opens, stays inside while open (Tab cycles),
 * Escape closes it, and focus returns to the control that opened it.
 */
export function Dialog({ open, onOpenChange, title, description, children, size = 'md', finalFocus }: DialogProps) {
  const { t } = useTranslation();
  const bodyRef = useRef<HTMLDivElement>(null);
  // Our dialogs are opened from state, not from a Radix trigger: remember the opener ourselves.
  const openerRef = useRef<HTMLElement | null>(null);
  if (open && !openerRef.current && typeof document !== 'undefined') {
    openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }
  const returnFocus = (event: Event) => {
    event.preventDefault();
    const opener = openerRef.current;
    openerRef.current = null;
    const target = finalFocus?.();
    if (target && target.isConnected) target.focus();
    else if (opener && opener !== document.body && opener.isConnected) opener.focus();
    // The opener may be gone (e.g. the removed row): continue from the main content.
    else document.getElementById('main-content')?.focus();
  };
  // Start in the first field of the dialog rather than on its close button.
  const focusFirstField = (event: Event) => {
    const first = bodyRef.current?.querySelector<HTMLElement>(
      'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])',
    );
    if (first) {
      event.preventDefault();
      first.focus();
    }
  };
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className={`dialog dialog-${size}`}
          onOpenAutoFocus={focusFirstField}
          onCloseAutoFocus={returnFocus}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <div className="dialog-header">
            <RadixDialog.Title className="dialog-title">{title}</RadixDialog.Title>
            <RadixDialog.Close className="btn btn-ghost btn-icon" aria-label={t('actions.close')}>
              <span aria-hidden="true">×</span>
            </RadixDialog.Close>
          </div>
          {description && <RadixDialog.Description className="dialog-description">{description}</RadixDialog.Description>}
          <div className="dialog-body" ref={bodyRef}>
            {children}
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** Closes the surrounding dialog (for "Cancel" buttons). */
export function DialogClose({ children }: { children: ReactNode }) {
  return <RadixDialog.Close asChild>{children}</RadixDialog.Close>;
}

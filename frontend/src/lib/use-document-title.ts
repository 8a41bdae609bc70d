import { useEffect } from 'react';

/** Sets the page title ("Members — Peerbridge"), so each page is named in tabs and history. */
export function useDocumentTitle(title: string | undefined | null): void {
  useEffect(() => {
    document.title = title ? `${title} — Peerbridge` : 'Peerbridge';
  }, [title]);
}

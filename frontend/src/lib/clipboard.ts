/**
 * Copies text to the clipboard: the async Clipboard API where allowed, else the older
 * execCommand('copy') on a temporary selection (http origins, older browsers).
 * Resolves to true when the text was copied.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission denied or not focused: try the fallback.
  }
  try {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    area.style.pointerEvents = 'none';
    document.body.appendChild(area);
    const previous = document.activeElement as HTMLElement | null;
    area.select();
    const ok = typeof document.execCommand === 'function' && document.execCommand('copy');
    document.body.removeChild(area);
    previous?.focus();
    return ok;
  } catch {
    return false;
  }
}

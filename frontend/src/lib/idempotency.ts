import { useMemo, useRef } from 'react';

/** A random UUID v4; crypto.randomUUID where available (secure contexts), else getRandomValues. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One `Idempotency-Key` per form submission: submitting the same body again (a retry after a
 * network error or a timeout) reuses the key, so the server answers with the original result
 * instead of creating a second object; a changed body gets a new key. Call `reset()` after
 * success so the next submission is a new one.
 */
export function useIdempotencyKey() {
  const current = useRef<{ key: string; fingerprint: string } | null>(null);
  return useMemo(
    () => ({
      forBody(body: unknown): string {
        const fingerprint = JSON.stringify(body);
        if (!current.current || current.current.fingerprint !== fingerprint) {
          current.current = { key: newIdempotencyKey(), fingerprint };
        }
        return current.current.key;
      },
      reset(): void {
        current.current = null;
      },
    }),
    [],
  );
}

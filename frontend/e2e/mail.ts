import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

/** One e-mail as the SMTP sink (e2e/smtp-sink.mjs) stored it, decoded. */
export interface SentMail {
  from: string;
  to: string[];
  received_at: string;
  headers: Record<string, string>;
  subject: string;
  body: string;
}

/**
 * The directory where the SMTP sink that scripts/test.sh starts writes the server's e-mails. A
 * run without it cannot read an e-mail: the journey fails and says so.
 */
export function mailDir(): string {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) {
    throw new Error(
      'E2E_MAIL_DIR is not set: start the SMTP sink (node e2e/smtp-sink.mjs --port P --dir DIR), run the server with ' +
        'PEERBRIDGE_SMTP_HOST=127.0.0.1 PEERBRIDGE_SMTP_PORT=P, and pass E2E_MAIL_DIR=DIR (scripts/test.sh does all three).',
    );
  }
  return dir;
}

async function readAll(dir: string): Promise<SentMail[]> {
  // Finished messages only: the sink writes under a dot-name and renames.
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(path.join(dir, n), 'utf8')) as SentMail));
}

/**
 * Waits for the first e-mail to `to` received after `since` that `match` accepts. The server's
 * outbox worker looks for work every two seconds; the wait is bounded.
 */
export async function waitForMail(
  to: string,
  { since, match = () => true, timeout = 30_000 }: { since: Date; match?: (m: SentMail) => boolean; timeout?: number },
): Promise<SentMail> {
  const dir = mailDir();
  const deadline = Date.now() + timeout;
  const address = to.toLowerCase();
  for (;;) {
    const found = (await readAll(dir)).find(
      (m) => m.to.some((r) => r.toLowerCase() === address) && new Date(m.received_at) >= since && match(m),
    );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no e-mail to ${to} since ${since.toISOString()} arrived in ${dir} within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first link in a mail's text that `pattern` matches (e.g. /https?:\/\/\S+\/reset-password\?token=\S+/). */
export function linkIn(mail: SentMail, pattern: RegExp): string {
  const link = pattern.exec(mail.body)?.[0];
  if (!link) throw new Error(`no link like ${pattern} in the e-mail “${mail.subject}”:\n${mail.body}`);
  return link;
}

#!/usr/bin/env node
// A mail sink for the end-to-end run: a small SMTP server that accepts every message and writes
// it to a directory, one JSON file per message, so that a journey can read the e-mail a person
// would receive (a password-reset link, an invitation). It speaks as much SMTP as Go's net/smtp
// client needs: a 220 greeting, EHLO/HELO (no STARTTLS, no AUTH offered), MAIL FROM, RCPT TO,
// DATA up to <CRLF>.<CRLF> with dot-unstuffing, RSET, NOOP and QUIT.
//
//   node e2e/smtp-sink.mjs --port 2525 --dir /tmp/mail [--host 127.0.0.1]
//
// Each message becomes <time>-<n>.json: {from, to, received_at, headers, subject, body}, the
// subject decoded from RFC 2047 and the body from its transfer encoding (7bit, 8bit,
// quoted-printable, base64) and charset. The raw message is kept beside it as .eml. Files are
// written under a temporary name and renamed, so a reader never sees half a message.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

function parseArgs(argv) {
  const args = { host: '127.0.0.1', port: 0, dir: '' };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[++i];
    if (name === '--port') args.port = Number(value);
    else if (name === '--dir') args.dir = value;
    else if (name === '--host') args.host = value;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!args.dir || !Number.isInteger(args.port) || args.port <= 0 || args.port > 65535) {
    throw new Error('usage: smtp-sink.mjs --port PORT --dir DIR [--host HOST]');
  }
  return args;
}

/** Splits a message into its header fields (unfolded, names lower-cased) and its body. */
export function splitMessage(raw) {
  const end = raw.indexOf('\r\n\r\n');
  const head = end >= 0 ? raw.slice(0, end) : raw;
  const body = end >= 0 ? raw.slice(end + 4) : '';
  const headers = {};
  for (const field of head.split(/\r\n(?![ \t])/)) {
    const colon = field.indexOf(':');
    if (colon <= 0) continue;
    const name = field.slice(0, colon).trim().toLowerCase();
    const value = field.slice(colon + 1).replace(/\r\n[ \t]/g, ' ').trim();
    headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
  return { headers, body };
}

function charsetOf(contentType) {
  const m = /charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return (m?.[1] ?? 'utf-8').toLowerCase();
}

function decodeBytes(bytes, charset) {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Quoted-printable to bytes (RFC 2045 §6.7); `underscores` for RFC 2047's Q encoding. */
function fromQuotedPrintable(text, underscores = false) {
  const soft = underscores ? text.replace(/_/g, ' ') : text.replace(/=\r?\n/g, '');
  const out = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else {
      out.push(...Buffer.from(soft[i], 'latin1'));
    }
  }
  return Uint8Array.from(out);
}

/** Decodes RFC 2047 encoded words ("=?utf-8?q?...?=") in a header value. */
export function decodeHeader(value) {
  return value
    .replace(/\?=\s+=\?/g, '?==?') // whitespace between encoded words is not part of the text
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, charset, encoding, text) => {
      const bytes = encoding.toLowerCase() === 'b' ? Buffer.from(text, 'base64') : fromQuotedPrintable(text, true);
      return decodeBytes(bytes, charset.toLowerCase());
    });
}

/** The body as text: undoes the transfer encoding, then the charset; line ends become \n. */
export function decodeBody(rawBody, headers) {
  const encoding = (headers['content-transfer-encoding'] ?? '8bit').toLowerCase();
  const bytes =
    encoding === 'quoted-printable'
      ? fromQuotedPrintable(rawBody)
      : encoding === 'base64'
        ? Buffer.from(rawBody.replace(/\s+/g, ''), 'base64')
        : Buffer.from(rawBody, 'latin1');
  return decodeBytes(bytes, charsetOf(headers['content-type'])).replace(/\r\n/g, '\n');
}

function address(arg) {
  const m = /<([^>]*)>/.exec(arg);
  return (m ? m[1] : arg.split(/\s/)[0]).trim();
}

function serve({ host, port, dir }) {
  mkdirSync(dir, { recursive: true });
  let count = 0;

  const store = (envelope, raw) => {
    const { headers, body } = splitMessage(raw);
    const name = `${Date.now()}-${String(++count).padStart(5, '0')}`;
    const message = {
      from: envelope.from,
      to: envelope.to,
      received_at: new Date().toISOString(),
      headers,
      subject: decodeHeader(headers.subject ?? ''),
      body: decodeBody(body, headers),
    };
    writeFileSync(path.join(dir, `.${name}.eml`), raw, 'latin1');
    renameSync(path.join(dir, `.${name}.eml`), path.join(dir, `${name}.eml`));
    writeFileSync(path.join(dir, `.${name}.json`), JSON.stringify(message, null, 2));
    renameSync(path.join(dir, `.${name}.json`), path.join(dir, `${name}.json`));
    console.log(`stored ${name}: to=${envelope.to.join(',')} subject=${JSON.stringify(message.subject)}`);
  };

  const server = net.createServer((socket) => {
    // latin1 keeps every byte as one character: the body's charset is decoded per message.
    socket.setEncoding('latin1');
    socket.setTimeout(60_000, () => socket.destroy());
    let buffer = '';
    let inData = false;
    let envelope = { from: '', to: [] };
    const reply = (line) => socket.write(`${line}\r\n`);

    const command = (line) => {
      const verb = line.slice(0, 4).toUpperCase();
      const arg = line.slice(4).trim();
      switch (verb) {
        case 'EHLO':
          // No STARTTLS and no AUTH: the client sends in clear, without credentials.
          socket.write('250-peerbridge-e2e-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 52428800\r\n');
          return;
        case 'HELO':
          reply('250 peerbridge-e2e-sink');
          return;
        case 'MAIL':
          envelope = { from: address(arg.replace(/^FROM:/i, '')), to: [] };
          reply('250 2.1.0 OK');
          return;
        case 'RCPT':
          envelope.to.push(address(arg.replace(/^TO:/i, '')));
          reply('250 2.1.5 OK');
          return;
        case 'DATA':
          if (envelope.to.length === 0) {
            reply('503 5.5.1 RCPT first');
            return;
          }
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
          return;
        case 'RSET':
          envelope = { from: '', to: [] };
          reply('250 2.0.0 OK');
          return;
        case 'NOOP':
          reply('250 2.0.0 OK');
          return;
        case 'QUIT':
          reply('221 2.0.0 Bye');
          socket.end();
          return;
        default:
          reply('502 5.5.2 Command not implemented');
      }
    };

    socket.on('data', (chunk) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          // The data ends with a line holding a single dot; it may also be the very first line.
          const end = buffer.startsWith('.\r\n') ? 0 : buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const data = end === 0 ? '' : buffer.slice(0, end + 2);
          buffer = buffer.slice(end === 0 ? 3 : end + 5);
          inData = false;
          // Dot-unstuffing (RFC 5321 §4.5.2): a line that starts with a dot had one added.
          const raw = data.replace(/(^|\r\n)\./g, '$1');
          try {
            store(envelope, raw);
            reply('250 2.0.0 Queued');
          } catch (error) {
            console.error('storing a message failed:', error);
            reply('451 4.3.0 Could not store the message');
          }
          envelope = { from: '', to: [] };
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        command(line);
      }
    });
    socket.on('error', () => socket.destroy());
    reply('220 peerbridge-e2e-sink ESMTP ready');
  });

  server.listen(port, host, () => console.log(`smtp sink listening on ${host}:${port}, writing to ${dir}`));
  const stop = () => {
    server.close(() => process.exit(0));
    // A client that never says QUIT does not keep the sink alive.
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

serve(parseArgs(process.argv.slice(2)));

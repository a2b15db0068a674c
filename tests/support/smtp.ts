import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for tests (the `smtp-server` package) on 127.0.0.1: requires AUTH with the given user and
 * password, no TLS (STARTTLS off, plain auth allowed), and keeps every message it accepts.
 */
export interface ReceivedMail {
  /** The envelope: MAIL FROM and RCPT TO, as the server got them. */
  from: string;
  to: string[];
  /** Who logged in. */
  user: string | undefined;
  raw: string;
  parsed: ParsedMail;
}

export interface TestSmtpServer {
  port: number;
  /** smtp://user:pass@127.0.0.1:port */
  url: string;
  received: ReceivedMail[];
  /** Resolves when `n` messages in total have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export const SMTP_USER = 'kumppanuus';
export const SMTP_PASSWORD = 'sala-sana-åäö';

/** `port`: listen on this one (to bring a 'down' server up); `rejectRecipients`: answered 550 (a permanent refusal). */
export async function startSmtpServer(opts: { port?: number; rejectRecipients?: string[] } = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, cb) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) cb(null, { user: auth.username });
      else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, cb) {
      if (opts.rejectRecipients?.includes(address.address)) cb(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user as string | undefined,
          raw,
          parsed: parseMail(raw),
        });
        for (const w of waiters.splice(0)) w();
        cb(null);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${port}`,
    received,
    async waitFor(n, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} messages, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port that nothing listens on (taken and released at once). */
export async function freePort(): Promise<number> {
  const s = await startSmtpServer();
  await s.close();
  return s.port;
}

export interface ParsedMail {
  headers: Record<string, string>;
  subject: string;
  /** The text/plain part, decoded as UTF-8. */
  text: string;
  /** The text/html part, if any. */
  html?: string;
  /** The text/calendar part (an iCalendar invitation), if any, and its content type (with method=…). */
  calendar?: string;
  calendarType?: string;
}

/** Just enough MIME to read what nodemailer writes: folded headers, encoded words, QP/base64, multipart/alternative. */
export function parseMail(raw: string): ParsedMail {
  const { headers, body } = splitHeaders(raw);
  const parts = leafParts(headers, body);
  const text = parts.find((p) => p.type.startsWith('text/plain'));
  const html = parts.find((p) => p.type.startsWith('text/html'));
  const calendar = parts.find((p) => p.type.startsWith('text/calendar'));
  return { headers, subject: decodeWords(headers.subject ?? ''), text: text?.content ?? '', html: html?.content, calendar: calendar?.content, calendarType: calendar?.type };
}

function splitHeaders(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: raw.slice(at + 4) };
}

function leafParts(headers: Record<string, string>, body: string): { type: string; content: string }[] {
  const type = (headers['content-type'] ?? 'text/plain').toLowerCase();
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (type.startsWith('multipart/') && boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1, -1)
      .flatMap((part) => {
        const p = splitHeaders(part.replace(/^\r\n/, ''));
        return leafParts(p.headers, p.body.replace(/\r\n$/, ''));
      });
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? decodeQp(body)
        : Buffer.from(body, 'latin1');
  return [{ type, content: bytes.toString('utf8').replace(/\r\n/g, '\n') }];
}

function decodeQp(s: string): Buffer {
  const unwrapped = s.replace(/=\r\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < unwrapped.length; i++) {
    if (unwrapped[i] === '=' && /^[0-9A-F]{2}$/i.test(unwrapped.slice(i + 1, i + 3))) {
      out.push(parseInt(unwrapped.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(unwrapped.charCodeAt(i));
  }
  return Buffer.from(out);
}

/** =?UTF-8?Q?…?= and =?UTF-8?B?…?= words; whitespace between adjacent encoded words is dropped (RFC 2047). */
function decodeWords(s: string): string {
  const word = /=\?([^?]+)\?([QB])\?([^?]*)\?=/gi;
  // Adjacent words are decoded to bytes and joined first: a character may be split between two words.
  return s.replace(/(\?=)\s+(=\?)/g, '$1$2').replace(/(?:=\?[^?]+\?[QB]\?[^?]*\?=)+/gi, (run) =>
    Buffer.concat(
      [...run.matchAll(word)].map(([, , enc, text]) => (enc!.toUpperCase() === 'B' ? Buffer.from(text!, 'base64') : decodeQp(text!.replace(/_/g, ' ')))),
    ).toString('utf8'),
  );
}

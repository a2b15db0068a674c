import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '#platform/clock.ts';
import type { Db } from '#platform/db/db.ts';
import { enqueueMail } from '#platform/mail/index.ts';
import { createTestDb } from '../../tests/support/db.ts';
import { freePort, SMTP_PASSWORD, SMTP_USER, startSmtpServer } from '../../tests/support/smtp.ts';
import type { CliIo } from './command.ts';
import { runCli } from './main.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kp-send-mail-'));
let db: Db;

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
  rmSync(tmp, { recursive: true, force: true });
});
beforeEach(async () => {
  await db.query('DELETE FROM outbox_message');
});

function captureIo(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { env, out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '', db, clock: fixedClock('2026-11-23T08:00:00Z') };
  return { io, text: () => out.join('\n'), errors: () => err.join('\n') };
}

const queue = (to: string, subject: string) =>
  db.transaction((tx) => enqueueMail(tx, { topic: 'test', to: [to], subject, text: `${subject}: ääkköset åäö`, lang: 'fi' }));

describe('npm run cli -- send-mail', () => {
  it('sends the queued messages once through SMTP and reports it', async () => {
    const smtp = await startSmtpServer();
    try {
      await queue('pia@example.fi', 'Lausuntokierros avattu');
      await queue('olli@example.fi', 'Kolme päivää määräaikaan');
      const run = captureIo({ SMTP_URL: smtp.url, DATA_DIR: tmp });
      expect(await runCli(['send-mail'], run.io)).toBe(0);
      expect(run.text()).toContain('Lähetetään SMTP-palvelimen kautta.');
      expect(run.text()).toContain('Lähetettiin 2; uusi yritys myöhemmin 0; epäonnistui pysyvästi 0.');
      await smtp.waitFor(2);
      expect(smtp.received.map((m) => [m.to, m.parsed.subject, m.parsed.text.trim()]).sort()).toEqual([
        [['olli@example.fi'], 'Kolme päivää määräaikaan', 'Kolme päivää määräaikaan: ääkköset åäö'],
        [['pia@example.fi'], 'Lausuntokierros avattu', 'Lausuntokierros avattu: ääkköset åäö'],
      ]);
      // Drained: a second run sends nothing more.
      expect(await runCli(['send-mail'], captureIo({ SMTP_URL: smtp.url, DATA_DIR: tmp }).io)).toBe(0);
      expect(smtp.received).toHaveLength(2);
    } finally {
      await smtp.close();
    }
  });

  it('exits 1 when SMTP is down, keeps the message queued, and --retry-failed re-queues refused ones', async () => {
    const port = await freePort();
    await queue('pia@example.fi', 'Osapuoli hyväksyi');
    const down = captureIo({ SMTP_URL: `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${port}`, DATA_DIR: tmp, LOG_LEVEL: 'error' });
    expect(await runCli(['send-mail', '--lang', 'en'], down.io)).toBe(1);
    expect(down.text()).toContain('Sent 0; to be retried later 1; failed permanently 0.');
    expect(down.text()).toContain('Still in the queue: 1 messages (waiting for a later attempt), failed 0.');

    const refusing = await startSmtpServer({ port, rejectRecipients: ['pia@example.fi'] });
    await db.query('UPDATE outbox_message SET next_attempt_at = NULL');
    try {
      const run = captureIo({ SMTP_URL: refusing.url, DATA_DIR: tmp, LOG_LEVEL: 'error' });
      expect(await runCli(['send-mail'], run.io)).toBe(1);
      expect(run.text()).toContain('epäonnistui pysyvästi 1');
    } finally {
      await refusing.close();
    }
    const smtp = await startSmtpServer();
    try {
      const again = captureIo({ SMTP_URL: smtp.url, DATA_DIR: tmp });
      expect(await runCli(['send-mail'], again.io)).toBe(0);
      expect(smtp.received).toHaveLength(0);
      const retry = captureIo({ SMTP_URL: smtp.url, DATA_DIR: tmp });
      expect(await runCli(['send-mail', '--retry-failed'], retry.io)).toBe(0);
      expect(retry.text()).toContain('Jonoon palautettiin 1 epäonnistunutta viestiä.');
      expect((await smtp.waitFor(1))[0]!.parsed.subject).toBe('Osapuoli hyväksyi');
    } finally {
      await smtp.close();
    }
  });

  it('without SMTP settings writes the messages to DATA_DIR/mail.log', async () => {
    await queue('pia@example.fi', 'Kaikki allekirjoittivat');
    const run = captureIo({ DATA_DIR: tmp });
    expect(await runCli(['send-mail', '--lang', 'sv'], run.io)).toBe(0);
    const file = path.join(tmp, 'mail.log');
    expect(run.text()).toContain(`SMTP är inte inställt: meddelandena skrivs till filen ${file}.`);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { to: string[]; subject: string; text: string });
    expect(lines.at(-1)).toMatchObject({ to: ['pia@example.fi'], subject: 'Kaikki allekirjoittivat', text: 'Kaikki allekirjoittivat: ääkköset åäö' });
  });
});

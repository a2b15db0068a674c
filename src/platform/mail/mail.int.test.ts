import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '#platform/clock.ts';
import type { Db } from '#platform/db/db.ts';
import { createLogger, silentLogger } from '#platform/log.ts';
import { createTestDb } from '../../../tests/support/db.ts';
import { freePort, SMTP_PASSWORD, SMTP_USER, startSmtpServer, type TestSmtpServer } from '../../../tests/support/smtp.ts';
import { createMailDispatcher, createMailer, enqueueMail, loadMailConfig, type MailMessage } from './index.ts';

const FROM = 'Kumppanuus <noreply@kumppanuus.test>';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kp-mail-test-'));
let db: Db;
let smtp: TestSmtpServer | undefined;

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
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

const smtpMailer = (url: string) => createMailer(loadMailConfig({ SMTP_URL: url, MAIL_FROM: FROM }, tmp), silentLogger);

async function enqueue(msg: Partial<MailMessage> = {}): Promise<string> {
  return db.transaction((tx) =>
    enqueueMail(tx, { topic: 'test', to: ['pia@example.fi'], subject: 'Testi', text: 'Hei', lang: 'fi', ...msg }),
  );
}

async function row(id: string) {
  const [r] = await db.query<{ status: string; attempts: number; last_error: string | null; next_attempt_at: Date | null; sent_at: Date | null }>(
    'SELECT status, attempts, last_error, next_attempt_at, sent_at FROM outbox_message WHERE id = $1',
    [id],
  );
  return r!;
}

describe('mail through SMTP', () => {
  it('a queued message reaches the SMTP server: recipients, subject and body with ä, ö and å intact', async () => {
    smtp = await startSmtpServer();
    const clock = fixedClock('2026-11-23T08:00:00Z');
    const subject = 'Lausuntokierros avattu: Hyvinvointisopimus 2026–2029 – Närpes, Pedersöre, Åland';
    const text = 'Hyvä vastaanottaja,\n\nlausuntokierros on avattu. Määräaika: 4.12.2026.\nSmörgåsbord – “lainausmerkit” ja €.\n';
    const id = await enqueue({ to: ['pia@example.fi', 'åsa.öberg@example.fi'], subject, text, html: '<p>Hyvä <b>Åsa</b> – määräaika 4.12.</p>', lang: 'sv' });
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0 });

    const dispatcher = createMailDispatcher({ db, mailer: smtpMailer(smtp.url), clock, log: silentLogger });
    expect(await dispatcher.drainOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [got] = await smtp.waitFor(1);
    expect(got!.user).toBe(SMTP_USER);
    expect(got!.from).toBe('noreply@kumppanuus.test');
    expect(got!.to).toEqual(['pia@example.fi', 'åsa.öberg@example.fi']);
    expect(got!.parsed.subject).toBe(subject);
    expect(got!.parsed.text.trimEnd()).toBe(text.trimEnd());
    expect(got!.parsed.html).toBe('<p>Hyvä <b>Åsa</b> – määräaika 4.12.</p>');
    expect(got!.parsed.headers['content-language']).toBe('sv');
    expect(got!.parsed.headers['message-id']).toBe(`<${id}@kumppanuus.test>`);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null, sent_at: clock.now() });

    // Sent once: another pass finds nothing.
    expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    await dispatcher.stop();
  });

  it('also with SMTP_HOST, SMTP_PORT, SMTP_USER and SMTP_PASSWORD; a wrong password is not a delivery', async () => {
    smtp = await startSmtpServer();
    const env = { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_USER, SMTP_PASSWORD: 'väärä', MAIL_FROM: FROM };
    const clock = fixedClock('2026-11-23T08:00:00Z');
    const id = await enqueue({ subject: 'Allekirjoitettu' });
    const wrong = createMailDispatcher({ db, mailer: createMailer(loadMailConfig(env, tmp), silentLogger), clock, log: silentLogger });
    // A refused login is a configuration problem, not the message's: it stays queued.
    expect(await wrong.drainOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await row(id)).toMatchObject({ status: 'pending', last_error: expect.stringMatching(/EAUTH 535/) });
    clock.advance(30_000);
    const right = createMailDispatcher({ db, mailer: createMailer(loadMailConfig({ ...env, SMTP_PASSWORD }, tmp), silentLogger), clock, log: silentLogger });
    expect(await right.drainOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect((await smtp.waitFor(1))[0]!.parsed.subject).toBe('Allekirjoitettu');
  });

  it('SMTP down: the message stays pending with the error, is retried with growing delays and delivered when the server is up', async () => {
    const port = await freePort();
    const clock = fixedClock('2026-11-23T08:00:00Z');
    const start = clock.now().getTime();
    const url = `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${port}`;
    const dispatcher = createMailDispatcher({ db, mailer: smtpMailer(url), clock, log: silentLogger });
    const id = await enqueue({ subject: 'Kolme päivää määräaikaan' });

    expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await row(id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: expect.stringMatching(/ECONNREFUSED|ECONNECTION/),
      next_attempt_at: new Date(start + 30_000),
      sent_at: null,
    });
    // Not due yet: nothing is tried.
    clock.advance(29_000);
    expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    clock.advance(1_000);
    expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 2, next_attempt_at: new Date(start + 30_000 + 60_000) });

    smtp = await startSmtpServer({ port });
    clock.advance(60_000);
    expect(await dispatcher.drainOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [got] = await smtp.waitFor(1);
    expect(got!.parsed.subject).toBe('Kolme päivää määräaikaan');
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
  });

  it('gives a message up after the last attempt', async () => {
    const clock = fixedClock('2026-11-23T08:00:00Z');
    const url = `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${await freePort()}`;
    const dispatcher = createMailDispatcher({ db, mailer: smtpMailer(url), clock, log: silentLogger, maxAttempts: 2 });
    const id = await enqueue();
    expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    clock.advance(30_000);
    expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 2, next_attempt_at: null, last_error: expect.stringMatching(/ECONNREFUSED|ECONNECTION/) });
  });

  it('a recipient the server refuses (5xx) fails at once and is not retried', async () => {
    smtp = await startSmtpServer({ rejectRecipients: ['poissa@example.fi'] });
    const clock = fixedClock('2026-11-23T08:00:00Z');
    const dispatcher = createMailDispatcher({ db, mailer: smtpMailer(smtp.url), clock, log: silentLogger });
    const bad = await enqueue({ to: ['poissa@example.fi'] });
    const good = await enqueue({ to: ['pia@example.fi'], subject: 'Hyväksytty' });
    expect(await dispatcher.drainOnce()).toEqual({ sent: 1, retrying: 0, failed: 1 });
    expect(await row(bad)).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringMatching(/550/) });
    expect(await row(good)).toMatchObject({ status: 'sent' });
    clock.advance(24 * 3_600_000);
    expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([['pia@example.fi']]);
  });

  it('a rolled-back transaction leaves nothing to send', async () => {
    smtp = await startSmtpServer();
    await expect(
      db.transaction(async (tx) => {
        await enqueueMail(tx, { topic: 'test', to: ['pia@example.fi'], subject: 'Ei koskaan', text: 'x', lang: 'fi' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.query('SELECT id FROM outbox_message')).toEqual([]);
    const dispatcher = createMailDispatcher({ db, mailer: smtpMailer(smtp.url), log: silentLogger });
    expect(await dispatcher.drainOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toEqual([]);
  });

  it('two dispatchers (two server processes) draining at once send every message exactly once', async () => {
    smtp = await startSmtpServer();
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await enqueue({ subject: `Viesti ${i}` }));
    const a = createMailDispatcher({ db, mailer: smtpMailer(smtp.url), log: silentLogger });
    const b = createMailDispatcher({ db, mailer: smtpMailer(smtp.url), log: silentLogger });
    const [ra, rb] = await Promise.all([a.drainOnce(), b.drainOnce()]);
    expect(ra.sent + rb.sent).toBe(8);
    await smtp.waitFor(8);
    expect(smtp.received.map((m) => m.parsed.subject).sort()).toEqual(ids.map((_, i) => `Viesti ${i}`).sort());
    expect(await db.query(`SELECT id FROM outbox_message WHERE status <> 'sent' OR attempts <> 1`)).toEqual([]);
  });

  it('the running dispatcher picks up new messages by itself and stops cleanly', async () => {
    smtp = await startSmtpServer();
    const dispatcher = createMailDispatcher({ db, mailer: smtpMailer(smtp.url), log: silentLogger, pollMs: 50 });
    dispatcher.start();
    await enqueue({ subject: 'Ensimmäinen' });
    await smtp.waitFor(1);
    await dispatcher.stop();
    const id = await enqueue({ subject: 'Pysäytyksen jälkeen' });
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.map((m) => m.parsed.subject)).toEqual(['Ensimmäinen']);
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0 });
  });
});

describe('the order of sending', () => {
  it('messages go out in the order they were queued, also when queued within one clock tick', async () => {
    const sent: string[] = [];
    const mailer = { kind: 'log' as const, send: async (m: { subject: string }) => void sent.push(m.subject), close: () => undefined };
    const subjects = Array.from({ length: 30 }, (_, i) => `Viesti ${i + 1}`);
    for (const subject of subjects) await enqueue({ subject });
    const dispatcher = createMailDispatcher({ db, mailer, log: silentLogger });
    expect(await dispatcher.drainOnce()).toEqual({ sent: 30, retrying: 0, failed: 0 });
    expect(sent).toEqual(subjects);
  });
});

describe('mail without SMTP', () => {
  it('the log transport appends each message as one JSON line to DATA_DIR/mail.log and logs a short line without the body', async () => {
    const dataDir = path.join(tmp, 'data');
    const config = loadMailConfig({ SMTP_URL: '', SMTP_HOST: '' }, dataDir);
    expect(config).toEqual({ from: 'Kumppanuus <noreply@localhost>', smtp: undefined, logFile: path.join(dataDir, 'mail.log') });
    const logLines: string[] = [];
    const log = createLogger('info', { service: 'test' }, (l) => logLines.push(l));
    const dispatcher = createMailDispatcher({ db, mailer: createMailer(config, log), log, clock: fixedClock('2026-11-23T08:00:00Z') });
    const first = await enqueue({ to: ['pia@example.fi'], subject: 'Kaikki allekirjoittivat', text: 'Sopimus on allekirjoitettu.\nKiitos – ääkköset: åäö', lang: 'fi' });
    const second = await enqueue({ to: ['sven@example.fi'], subject: 'Alla har undertecknat', text: 'Avtalet är undertecknat.', html: '<p>Avtalet</p>', lang: 'sv' });
    expect(await dispatcher.drainOnce()).toEqual({ sent: 2, retrying: 0, failed: 0 });

    const lines = readFileSync(config.logFile, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const mails = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(mails[0]).toMatchObject({ id: first, from: 'Kumppanuus <noreply@localhost>', to: ['pia@example.fi'], subject: 'Kaikki allekirjoittivat', lang: 'fi', text: 'Sopimus on allekirjoitettu.\nKiitos – ääkköset: åäö' });
    expect(mails[0]).not.toHaveProperty('html');
    expect(mails[1]).toMatchObject({ id: second, to: ['sven@example.fi'], html: '<p>Avtalet</p>', lang: 'sv' });
    expect(await row(first)).toMatchObject({ status: 'sent', attempts: 1 });

    const logged = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.outboxId);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ level: 'info', component: 'mail', outboxId: first, recipients: 1, subject: 'Kaikki allekirjoittivat', file: config.logFile });
    expect(logLines.join('\n')).not.toMatch(/Sopimus on allekirjoitettu|pia@example\.fi/);
  });
});

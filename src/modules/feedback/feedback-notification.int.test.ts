import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#platform/actor.ts';
import { fixedClock } from '#platform/clock.ts';
import type { Db } from '#platform/db/db.ts';
import { silentLogger } from '#platform/log.ts';
import { createMailDispatcher, createMailer, loadMailConfig } from '#platform/mail/index.ts';
import { createTestActor, createTestDb, partyIdByCode, testCtx } from '../../../tests/support/db.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../tests/support/smtp.ts';
import { submitAccessibilityFeedback } from './index.ts';

let db: Db;
let smtp: TestSmtpServer;
const PUBLIC: Actor = { kind: 'public' };

beforeAll(async () => {
  db = await createTestDb();
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
  await db?.close();
});

async function emailOf(userId: string): Promise<string> {
  const [u] = await db.query<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [userId]);
  return u!.email;
}

async function outbox() {
  return db.query<{ topic: string; recipients: string[]; subject: string; body_text: string; lang: string; status: string }>(
    `SELECT topic, recipients, subject, body_text, lang, status FROM outbox_message ORDER BY subject`,
  );
}

describe('accessibility feedback notifies the platform administrators by e-mail', () => {
  it('with no platform administrator the feedback is still stored, and no mail is queued', async () => {
    const { id } = await submitAccessibilityFeedback(testCtx(db, PUBLIC), { message: 'Ensimmäinen palaute.' });
    expect(await db.query('SELECT id FROM accessibility_feedback WHERE id = $1', [id])).toHaveLength(1);
    expect(await outbox()).toEqual([]);
  });

  it('one message per active platform administrator, in their language, with the page, the message and the answer date', async () => {
    await db.query('DELETE FROM outbox_message');
    const fiAdmin = await createTestActor(db, [], { isPlatformAdmin: true });
    const svAdmin = await createTestActor(db, [], { isPlatformAdmin: true });
    const enAdmin = await createTestActor(db, [], { isPlatformAdmin: true });
    const disabledAdmin = await createTestActor(db, [], { isPlatformAdmin: true });
    await createTestActor(db, [{ partyId: await partyIdByCode(db, '564'), role: 'admin' }]);
    await db.query(`UPDATE app_user SET preferred_lang = 'sv' WHERE id = $1`, [svAdmin.userId]);
    await db.query(`UPDATE app_user SET preferred_lang = 'en' WHERE id = $1`, [enAdmin.userId]);
    await db.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [disabledAdmin.userId]);

    // Arrives Friday 20.11.2026 12:00 Helsinki: to be answered by 4.12.2026.
    const message = 'Kartan värit eivät erotu: ääkköset å, ä, ö ja “lainaus”.\nToinen rivi.';
    const { id } = await submitAccessibilityFeedback(testCtx(db, PUBLIC, fixedClock('2026-11-20T10:00:00Z')), {
      name: 'Maija Meikäläinen',
      email: 'maija@example.fi',
      pageUrl: '/alueet/HVA19',
      message,
      lang: 'fi',
    });

    const queued = await outbox();
    expect(queued.map((m) => [m.recipients, m.lang, m.subject])).toEqual([
      [[await emailOf(enAdmin.userId)], 'en', 'New accessibility feedback'],
      [[await emailOf(svAdmin.userId)], 'sv', 'Ny respons om tillgänglighet'],
      [[await emailOf(fiAdmin.userId)], 'fi', 'Uusi saavutettavuuspalaute'],
    ]);
    const [en, sv, fi] = queued;
    for (const m of queued) {
      expect(m).toMatchObject({ topic: 'accessibility_feedback.created', status: 'pending' });
      expect(m.body_text).toContain(message);
      expect(m.body_text).toContain('/alueet/HVA19');
      // The sender's name and address stay in the feedback table (and the admin page), not in mail.
      expect(m.body_text).not.toMatch(/Maija|maija@/);
    }
    expect(fi!.body_text).toContain('Vastattava viimeistään 4.12.2026');
    expect(fi!.body_text).toContain('(/admin/feedback)');
    expect(sv!.body_text).toContain('Ska besvaras senast 4.12.2026');
    expect(sv!.body_text).toContain('(/sv/admin/feedback)');
    expect(en!.body_text).toContain('To be answered by 4 Dec 2026');
    expect(en!.body_text).toContain('(/en/admin/feedback)');

    // The audit row still holds no personal data.
    const [audit] = await db.query<{ summary: unknown }>('SELECT summary FROM audit_event WHERE target_id = $1', [id]);
    expect(JSON.stringify(audit!.summary)).not.toMatch(/Maija|maija@|Kartan/);

    // Through the dispatcher to a real SMTP server: three messages, each to its administrator.
    const mailer = createMailer(loadMailConfig({ SMTP_URL: smtp.url }, '/nonexistent'), silentLogger);
    expect(await createMailDispatcher({ db, mailer, log: silentLogger }).drainOnce()).toMatchObject({ sent: 3 });
    const received = await smtp.waitFor(3);
    const byRecipient = new Map(received.map((r) => [r.to.join(','), r.parsed]));
    expect(byRecipient.get(await emailOf(svAdmin.userId))).toMatchObject({ subject: 'Ny respons om tillgänglighet' });
    expect(byRecipient.get(await emailOf(svAdmin.userId))!.text).toContain(message);
    expect(byRecipient.get(await emailOf(fiAdmin.userId))!.text).toContain('Vastattava viimeistään 4.12.2026');
    expect(byRecipient.get(await emailOf(enAdmin.userId))!.subject).toBe('New accessibility feedback');
    expect(byRecipient.has(await emailOf(disabledAdmin.userId))).toBe(false);
  });
});

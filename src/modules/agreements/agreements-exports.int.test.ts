import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#platform/actor.ts';
import { fixedClock } from '#platform/clock.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestActor, createTestDb, partyIdByCode, SYSTEM, testCtx } from '../../../tests/support/db.ts';
import {
  addSection,
  createAgreement,
  exportAgreementVersion,
  getApprovalOverview,
  getPublicRecord,
  getPartyApproval,
  openCommentRound,
  publishVersion,
  recordDecision,
  sendDeadlineReminders,
  sendToApproval,
  signAgreement,
  type Agreement,
} from './index.ts';

const run = promisify(execFile);
const installed = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const hasSoffice = installed('soffice');
const hasPoppler = installed('pdfinfo') && installed('pdffonts') && installed('pdftotext');
const skipNote = (ok: boolean, what: string) => (ok ? '' : ` — SKIPPED: ${what} is not installed (.ci/run installs it)`);

let db: Db;
let dir: string;
const ids: Record<string, string> = {};
let countyEditor: Actor;
let countyAdmin: Actor;
let countyApprover: Actor;
let kempeleEditor: Actor;
let kempeleViewer: Actor;
let kempeleApprover: Actor;
let liittoApprover: Actor;
let tampereEditor: Actor;
const PUBLIC: Actor = { kind: 'public' };
const clock = fixedClock('2023-09-14T09:00:00Z');
const ctxOf = (actor: Actor) => testCtx(db, actor, clock);

const MARKDOWN = [
  'Osapuolet laativat **yhteisen** väestöennusteen.',
  '',
  '## Aikataulu',
  '',
  '1. Luonnos keväällä',
  '2. Päätökset syksyllä',
  '',
  'Lisätietoja [Finlexistä](https://www.finlex.fi/fi/lainsaadanto/2021/612).',
].join('\n');
const MARKDOWN_SV = 'Parterna gör en **gemensam** befolkningsprognos.\n\n- Utkast på våren\n- Beslut på hösten';

beforeAll(async () => {
  db = await createTestDb();
  dir = await mkdtemp(path.join(tmpdir(), 'kp-agreement-exports-'));
  for (const code of ['HVA19', '244', 'MK17', '837']) ids[code] = await partyIdByCode(db, code);
  countyEditor = await createTestActor(db, [{ partyId: ids.HVA19!, role: 'editor' }], { displayName: 'HVA valmistelija' });
  countyAdmin = await createTestActor(db, [{ partyId: ids.HVA19!, role: 'admin' }], { displayName: 'HVA pääkäyttäjä' });
  countyApprover = await createTestActor(db, [{ partyId: ids.HVA19!, role: 'approver' }], { displayName: 'HVA kirjaaja' });
  kempeleEditor = await createTestActor(db, [{ partyId: ids['244']!, role: 'editor' }], { displayName: 'Kempeleen valmistelija' });
  kempeleViewer = await createTestActor(db, [{ partyId: ids['244']!, role: 'viewer' }]);
  kempeleApprover = await createTestActor(db, [{ partyId: ids['244']!, role: 'approver' }], { displayName: 'Kempeleen kirjaaja' });
  liittoApprover = await createTestActor(db, [{ partyId: ids.MK17!, role: 'approver' }], { displayName: 'Liiton kirjaaja' });
  tampereEditor = await createTestActor(db, [{ partyId: ids['837']!, role: 'editor' }]);
  // The Kempele editor reads Swedish.
  await db.query(`UPDATE app_user SET preferred_lang = 'sv' WHERE id = $1`, [(kempeleEditor as { userId: string }).userId]);
});
afterAll(async () => {
  await db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const emailOf = async (actor: Actor) => (await db.query<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [(actor as { userId: string }).userId]))[0]!.email;
const outbox = (topic: string) =>
  db.query<{ recipients: string[]; subject: string; body_text: string; lang: string }>(
    `SELECT recipients, subject, body_text, lang FROM outbox_message WHERE topic = $1 ORDER BY subject, recipients[1]`,
    [topic],
  );

/** County + Kempele + the regional council, one Markdown section, v1 published on 14.9.2023. */
async function threeParties(titleFi: string): Promise<Agreement> {
  clock.set('2023-09-14T09:00:00Z');
  const ctx = ctxOf(countyEditor);
  const a = await createAgreement(ctx, 'HVA19', {
    titleFi,
    titleSv: `${titleFi} (sv)`,
    validFrom: '2024-01-01',
    validUntil: '2027-12-31',
    partyIds: [ids.HVA19, ids['244'], ids.MK17],
    sectionKeys: ['principles'],
  });
  await addSection(ctx, a.id, { headingFi: 'Yhteinen väestöennuste', headingSv: 'Gemensam befolkningsprognos', bodyFi: MARKDOWN, bodySv: MARKDOWN_SV });
  await publishVersion(ctx, a.id, { label: 'Kuntajohtajafoorumi 14.9.2023' });
  return a;
}

describe('exports of a version (DOCX and PDF/A, fi and sv)', () => {
  let a: Agreement;
  let sha: string;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    a = await threeParties('Pohjois-Pohjanmaan strateginen yhteistyösopimus');
    await sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 1 });
    sha = (await getApprovalOverview(ctxOf(countyEditor), a.id)).approvalVersion!.sha256;
    const step = async (party: string, position: number) => (await getPartyApproval(ctxOf(countyEditor), a.id, ids[party]!)).approval.chain.find((s) => s.position === position)!.id!;
    clock.set('2023-11-20T09:00:00Z');
    await recordDecision(ctxOf(countyApprover), a.id, { partyId: ids.HVA19, stepId: await step('HVA19', 2), versionNumber: 1, meetingDate: '2023-11-13', section: '89', outcome: 'approved' });
    await recordDecision(ctxOf(kempeleApprover), a.id, { partyId: ids['244'], stepId: await step('244', 2), versionNumber: 1, meetingDate: '2023-11-14', section: '41', outcome: 'approved' });
    await recordDecision(ctxOf(liittoApprover), a.id, { partyId: ids.MK17, stepId: await step('MK17', 1), versionNumber: 1, meetingDate: '2023-11-15', section: '7', outcome: 'approved' });
    const sign = (actor: Actor, party: string, name: string) =>
      signAgreement(ctxOf(actor), a.id, { partyId: ids[party], sha256: sha, method: 'wet_ink', signerName: name, signerTitle: 'johtaja', signedOn: '2023-11-17', place: 'Oulu', reference: 'arkisto 12/2023' });
    await sign(countyApprover, 'HVA19', 'Ilkka Allekirjoittaja');
    await sign(kempeleApprover, '244', 'Kaisa Kempele');
    await sign(liittoApprover, 'MK17', 'Liisa Liitto');
    for (const lang of ['fi', 'sv'] as const) {
      for (const format of ['docx', 'pdf'] as const) {
        const out = await exportAgreementVersion(ctxOf(PUBLIC), a.id, 1, format, lang);
        expect(out.fileName).toBe(`${lang === 'fi' ? 'yhteistyosopimus' : 'samarbetsavtal'}-v1-${lang}.${format}`);
        expect(out.sha256).toBe(sha);
        files[`${lang}.${format}`] = path.join(dir, `${lang}.${format}`);
        await writeFile(files[`${lang}.${format}`]!, out.body);
      }
    }
  }, 60_000);

  it("told every party's editors of each final approval and, once, that all signed (in their language)", async () => {
    const approved = await outbox('agreement.party_approved');
    expect(approved).toHaveLength(9); // three final approvals × (county editor, county admin, Kempele editor)
    expect(approved.filter((m) => m.lang === 'sv').map((m) => m.subject).sort()).toEqual([
      'Kempele har godkänt avtalet: Pohjois-Pohjanmaan strateginen yhteistyösopimus (sv)',
      'Norra Österbottens förbund har godkänt avtalet: Pohjois-Pohjanmaan strateginen yhteistyösopimus (sv)',
      'Norra Österbottens välfärdsområde har godkänt avtalet: Pohjois-Pohjanmaan strateginen yhteistyösopimus (sv)',
    ]);
    expect(approved.some((m) => m.lang === 'fi' && m.body_text.includes('Hyväksyneitä osapuolia 3/3.'))).toBe(true);
    const signed = await outbox('agreement.signed_by_all');
    expect(signed).toHaveLength(3);
    expect(signed.find((m) => m.lang === 'fi')!.body_text).toContain(`Allekirjoitetun sisällön tiiviste (SHA-256): ${sha}`);
    expect(signed.find((m) => m.lang === 'fi')!.body_text).toContain('Sopimus tulee voimaan 1.1.2024.');
  });

  it("the public record shows every party's decisions and signatures without signing in", async () => {
    const rec = await getPublicRecord(ctxOf(PUBLIC), a.id);
    expect(rec.versions.map((v) => [v.number, v.sha256])).toEqual([[1, sha]]);
    expect(rec.agreement.entersIntoForceOn).toBe('2024-01-01');
    const kempele = rec.parties.find((p) => p.party.id === ids['244'])!;
    expect(kempele.decisions.map((d) => [d.meetingDate, d.section, d.outcome, d.versionNumber])).toEqual([['2023-11-14', '41', 'approved', 1]]);
    expect(kempele.signatures.map((x) => [x.signerName, x.signedOn, x.sha256])).toEqual([['Kaisa Kempele', '2023-11-17', sha]]);
    expect(Object.keys(kempele.decisions[0]!)).not.toContain('proposal');
  });

  it('puts the content SHA-256 into the DOCX custom properties', async () => {
    const zip = await JSZip.loadAsync(await readFile(files['fi.docx']!));
    const custom = await zip.file('docProps/custom.xml')!.async('string');
    expect(custom).toContain('contentSha256');
    expect(custom).toContain(sha);
  });

  describe.skipIf(!hasSoffice)(`opened by LibreOffice${skipNote(hasSoffice, 'soffice')}`, () => {
    let out: string;
    beforeAll(async () => {
      out = await mkdtemp(path.join(dir, 'lo-out-'));
      const profile = await mkdtemp(path.join(dir, 'lo-profile-'));
      await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', out, files['fi.docx']!, files['sv.docx']!], {
        timeout: 120_000,
      });
    }, 180_000);

    it('fi: title, parties with Business IDs, sections from Markdown, decisions, signatures and the hash', async () => {
      const text = await readFile(path.join(out, 'fi.txt'), 'utf8');
      for (const expected of [
        'Pohjois-Pohjanmaan strateginen yhteistyösopimus',
        'Versio 1: Kuntajohtajafoorumi 14.9.2023',
        'Sopimusosapuolet',
        'Y-tunnus',
        'Kempele',
        'Pohjois-Pohjanmaan hyvinvointialue (koordinoiva osapuoli)',
        'Sopimus on voimassa 1.1.2024–31.12.2027.',
        'Yhteinen väestöennuste',
        'Osapuolet laativat yhteisen väestöennusteen.',
        'Aikataulu',
        'Luonnos keväällä',
        'Päätökset syksyllä',
        'Päätökset',
        '13.11.2023',
        'Hyväksytty',
        'Allekirjoitukset',
        'Kaisa Kempele',
        `Sisällön tiiviste (SHA-256): ${sha}`,
      ]) {
        expect(text, expected).toContain(expected);
      }
      expect(text).toMatch(/\d{7}-\d/); // a Business ID
      expect(text).not.toContain('**');
    });

    it('sv: the Swedish texts and the hash', async () => {
      const text = await readFile(path.join(out, 'sv.txt'), 'utf8');
      for (const expected of ['Avtalsparter', 'FO-nummer', 'Gemensam befolkningsprognos', 'Parterna gör en gemensam befolkningsprognos.', 'Utkast på våren', 'Underskrifter', `Innehållets hashvärde (SHA-256): ${sha}`]) {
        expect(text, expected).toContain(expected);
      }
    });
  });

  describe.skipIf(!hasPoppler)(`PDF/A-2b${skipNote(hasPoppler, 'poppler-utils')}`, () => {
    const tool = async (cmd: string, args: string[]) => (await run(cmd, args, { maxBuffer: 10_000_000 })).stdout;

    it.each(['fi', 'sv'])('%s: PDF/A-2b XMP with the hash, fonts embedded, hash in the text', async (lang) => {
      const file = files[`${lang}.pdf`]!;
      expect(await tool('pdfinfo', ['-custom', file])).toMatch(new RegExp(`^contentSha256:\\s+${sha}$`, 'm'));
      const xmp = await tool('pdfinfo', ['-meta', file]);
      expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
      expect(xmp).toContain(`<kp:contentSha256>${sha}</kp:contentSha256>`);
      const fonts = (await tool('pdffonts', [file])).trim().split('\n').slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const row of fonts) expect(row.trim().split(/\s+/).slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
      const text = (await tool('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'])).replace(/\s+/g, ' ');
      expect(text).toContain(sha);
      expect(text).toContain(lang === 'fi' ? 'Osapuolet laativat yhteisen väestöennusteen.' : 'Parterna gör en gemensam befolkningsprognos.');
    });
  });
});

describe('who may export', () => {
  it('a draft version only for the parties; the public once it went to a comment round', async () => {
    const a = await threeParties('Luonnossopimus');
    await expect(exportAgreementVersion(ctxOf(PUBLIC), a.id, 1, 'pdf', 'fi')).rejects.toMatchObject({ code: 'agreements.version_not_found', kind: 'not_found' });
    await expect(exportAgreementVersion(ctxOf(tampereEditor), a.id, 1, 'docx', 'fi')).rejects.toMatchObject({ kind: 'not_found' });
    expect((await exportAgreementVersion(ctxOf(kempeleViewer), a.id, 1, 'docx', 'sv')).body.length).toBeGreaterThan(1000);
    await expect(exportAgreementVersion(ctxOf(kempeleViewer), a.id, 2, 'docx', 'fi')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(getPublicRecord(ctxOf(PUBLIC), a.id)).rejects.toMatchObject({ code: 'agreements.not_found' });
    await openCommentRound(ctxOf(countyEditor), a.id, { versionNumber: 1, deadline: '2023-10-15' });
    expect((await exportAgreementVersion(ctxOf(PUBLIC), a.id, 1, 'docx', 'fi')).body.subarray(0, 2).toString()).toBe('PK');
    expect((await getPublicRecord(ctxOf(PUBLIC), a.id)).parties.every((p) => p.decisions.length === 0 && p.signatures.length === 0)).toBe(true);
  });
});

describe('e-mail notifications', () => {
  beforeAll(async () => {
    await db.query('DELETE FROM outbox_message');
  });

  it('opening a comment round queues one message per editor/admin of every party, in their language, with the deadline', async () => {
    await db.query('DELETE FROM outbox_message');
    const a = await threeParties('Ilmoitussopimus');
    await openCommentRound(ctxOf(countyEditor), a.id, { versionNumber: 1, deadline: '2023-10-15' });
    const sent = await outbox('agreement.comment_round_opened');
    // County editor + admin (fi), Kempele editor (sv); approvers and viewers, and other regions' editors, are not told.
    expect(sent.map((m) => m.recipients).sort()).toEqual([[await emailOf(countyEditor)], [await emailOf(countyAdmin)], [await emailOf(kempeleEditor)]].sort());
    const sv = sent.find((m) => m.lang === 'sv')!;
    expect(sv.recipients).toEqual([await emailOf(kempeleEditor)]);
    expect(sv.subject).toBe('Remissrunda öppnad: Ilmoitussopimus (sv)');
    expect(sv.body_text).toContain('senast 15.10.2023');
    expect(sv.body_text).toContain(`/sv/agreements/${a.id}/comments`);
    const fi = sent.filter((m) => m.lang === 'fi');
    expect(fi).toHaveLength(2);
    expect(fi[0]!.subject).toBe('Lausuntokierros avattu: Ilmoitussopimus');
    expect(fi[0]!.body_text).toContain('viimeistään 15.10.2023');
  });

  it('a refused opening queues nothing', async () => {
    await db.query('DELETE FROM outbox_message');
    const a = await threeParties('Kieltäytymissopimus');
    await expect(openCommentRound(ctxOf(kempeleEditor), a.id, { versionNumber: 1, deadline: '2023-10-15' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(openCommentRound(ctxOf(countyEditor), a.id, { versionNumber: 1, deadline: '2023-09-01' })).rejects.toMatchObject({ kind: 'invalid' });
    expect(await outbox('agreement.comment_round_opened')).toEqual([]);
  });

  it('reminds once, three days before the deadline; not a round opened later than that', async () => {
    await db.query('DELETE FROM outbox_message');
    const a = await threeParties('Muistutussopimus');
    clock.set('2023-10-01T09:00:00Z');
    await openCommentRound(ctxOf(countyEditor), a.id, { versionNumber: 1, deadline: '2023-10-25' });
    const late = await threeParties('Myöhäinen sopimus');
    clock.set('2023-10-23T09:00:00Z');
    await openCommentRound(ctxOf(countyEditor), late.id, { versionNumber: 1, deadline: '2023-10-25' });
    const reminders = () => outbox('agreement.comment_deadline_reminder');

    await expect(sendDeadlineReminders(ctxOf(countyEditor))).rejects.toMatchObject({ kind: 'forbidden' });
    clock.set('2023-10-21T20:59:00Z'); // 23.59 in Helsinki, four days before
    expect(await sendDeadlineReminders(ctxOf(SYSTEM))).toBe(0);
    clock.set('2023-10-21T21:01:00Z'); // 00.01 on 22.10. in Helsinki: three days to go
    expect(await sendDeadlineReminders(ctxOf(SYSTEM))).toBe(1);
    const sent = await reminders();
    expect(sent).toHaveLength(3);
    expect(sent.find((m) => m.lang === 'sv')!.subject).toBe('Tre dagar kvar av remisstiden: Muistutussopimus (sv)');
    expect(sent.find((m) => m.lang === 'fi')!.body_text).toContain('päättyy 25.10.2023');
    // Later runs, the same day or the next ones, send nothing more.
    expect(await sendDeadlineReminders(ctxOf(SYSTEM))).toBe(0);
    clock.set('2023-10-24T09:00:00Z');
    expect(await sendDeadlineReminders(ctxOf(SYSTEM))).toBe(0);
    expect(await reminders()).toHaveLength(3);
    const audit = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'agreement.comment_deadline_reminder'`);
    expect(audit[0]!.n).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#platform/db/db.ts';
import type { UploadedFile } from '#platform/uploads.ts';
import { changeMeetingState, createForum, createMeeting, recordAttendance } from '#modules/forums/index.ts';
import { fixedClock } from '#platform/clock.ts';
import { createTestActor, createTestDb, partyIdByCode, testCtx } from '../../../tests/support/db.ts';
import { getObligationCatalogue, updateCatalogueEntry, annulNegotiation, annulObligationDocument, getNationalObligations, getPartyObligations, getRegionObligations, nationalObligationsCsv, recordNegotiation, recordObligationDocument, sendObligationReminders, updateNegotiation } from './index.ts';

let db: Db;
let county: string;
let oulu: string;
let kempele: string;
let municipalities: string[];
const file = (bytes: Buffer, fileName: string): UploadedFile => ({ fileName, bytes, truncated: false, maxBytes: 1_000_000 });
const PDF = file(Buffer.from('%PDF-1.7\n%…\n'), 'kertomus.pdf');
const DOCX = file(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....word/document.xml....')]), 'kertomus.docx');

beforeAll(async () => {
  db = await createTestDb();
  county = await partyIdByCode(db, 'HVA19');
  oulu = await partyIdByCode(db, '564');
  kempele = await partyIdByCode(db, '244');
  const region = await getRegionObligations(testCtx(db), 'HVA19');
  municipalities = region.region.parties.filter((p) => p.type === 'municipality').map((p) => p.id);
});
afterAll(async () => db.close());

const o14 = (r: Awaited<ReturnType<typeof getRegionObligations>>, code = 'hva_14_negotiation') => r.obligations.find((o) => o.obligation.code === code)!;

describe('recorded negotiations as evidence', () => {
  it('a 14 § negotiation counts only for the municipalities that took part; the missing ones are listed', async () => {
    const editor = testCtx(db, await createTestActor(db, [{ partyId: county, role: 'editor' }]));
    const present = [county, ...municipalities.filter((m) => m !== oulu && m !== kempele)];
    const n = await recordNegotiation(editor, 'HVA19', { obligationCode: 'hva_14_negotiation', heldOn: '2023-11-06', title: 'Yhteistyöfoorumi', participantIds: present }, PDF);
    expect(n.minutes?.mediaType).toBe('application/pdf');
    const r = await getRegionObligations(testCtx(db), 'HVA19');
    const first = o14(r).periods.find((p) => p.period.key === 'term:2022')!;
    expect(first.status).toBe('overdue');
    expect(first.missingPartyIds.sort()).toEqual([oulu, kempele].sort());
    expect(first.parties.find((p) => p.partyId === county)!.status).toBe('met');
    expect(o14(r).periods.find((p) => p.period.key === 'term:2025')!.status).toBe('due');
    const audit = await db.query<{ action: string }>(`SELECT action FROM audit_event WHERE target_id = $1`, [n.id]);
    expect(audit.map((a) => a.action)).toEqual(['obligation_negotiation.record']);

    // Changing the evidence changes the status: Oulu did take part after all.
    const changed = await updateNegotiation(editor, n.id, { obligationCode: 'hva_14_negotiation', heldOn: '2023-11-06', title: 'Yhteistyöfoorumi', participantIds: [...present, oulu], rowVersion: 1 });
    expect(changed.rowVersion).toBe(2);
    const r2 = await getRegionObligations(testCtx(db), 'HVA19');
    expect(o14(r2).periods.find((p) => p.period.key === 'term:2022')!.missingPartyIds).toEqual([kempele]);
    // A stale row version is refused with the current state.
    await expect(updateNegotiation(editor, n.id, { obligationCode: 'hva_14_negotiation', heldOn: '2023-11-06', title: 'X', participantIds: present, rowVersion: 1 })).rejects.toMatchObject({
      code: 'obligations.edited_by_someone_else',
      kind: 'conflict',
    });
    // Annulling it: the row stays (history), the status falls back.
    await annulNegotiation(editor, n.id, { rowVersion: 2, reason: 'Väärä kokous' });
    const r3 = await getRegionObligations(testCtx(db), 'HVA19');
    expect(o14(r3).periods.find((p) => p.period.key === 'term:2022')!.parties.find((p) => p.partyId === county)!.status).toBe('overdue');
    expect(r3.negotiations.find((x) => x.id === n.id)!.annulled?.reason).toBe('Väärä kokous');
    const trail = await db.query<{ action: string }>(`SELECT action FROM audit_event WHERE target_id = $1 ORDER BY occurred_at, id`, [n.id]);
    expect(trail.map((a) => a.action).sort()).toEqual(['obligation_negotiation.annul', 'obligation_negotiation.record', 'obligation_negotiation.update']);
  });

  it('a negotiation on 31.5.2025 counts for the first term, one on 1.6.2025 for the second', async () => {
    const sys = testCtx(db);
    const a = await recordNegotiation(sys, 'HVA19', { obligationCode: 'hva_14_negotiation', heldOn: '2025-05-31', title: 'A', participantIds: [kempele] });
    const b = await recordNegotiation(sys, 'HVA19', { obligationCode: 'hva_14_negotiation', heldOn: '2025-06-01', title: 'B', participantIds: [oulu] });
    const r = await getRegionObligations(sys, 'HVA19');
    const st = (key: string, party: string) => o14(r).periods.find((p) => p.period.key === key)!.parties.find((p) => p.partyId === party)!;
    expect(st('term:2022', kempele).status).toBe('met');
    expect(st('term:2025', kempele).status).toBe('due');
    expect(st('term:2025', oulu)).toMatchObject({ status: 'met', evidenceIds: [b.id] });
    await annulNegotiation(sys, a.id, { rowVersion: 1, reason: 'testi' });
    await annulNegotiation(sys, b.id, { rowVersion: 1, reason: 'testi' });
  });

  it('bad input gets an error naming the field: a date outside any term, in the future, a file that is not what it claims', async () => {
    const sys = testCtx(db);
    await expect(recordNegotiation(sys, 'HVA19', { obligationCode: 'hva_14_negotiation', heldOn: '2022-02-28', title: 'X', participantIds: [oulu] })).rejects.toMatchObject({
      kind: 'invalid',
      issues: [{ field: 'heldOn', code: 'date_outside_term' }],
    });
    await expect(recordNegotiation(sys, 'HVA19', { obligationCode: 'hva_14_negotiation', heldOn: '2027-01-01', title: 'X', participantIds: [oulu] })).rejects.toMatchObject({
      issues: [{ field: 'heldOn', code: 'date_in_future' }],
    });
    const fake = file(Buffer.from('MZ this is not a pdf'), 'poytakirja.pdf');
    await expect(recordNegotiation(sys, 'HVA19', { obligationCode: 'hva_14_negotiation', heldOn: '2024-01-01', title: 'X', participantIds: [oulu] }, fake)).rejects.toMatchObject({
      issues: [{ field: 'minutes', code: 'document_type_not_allowed' }],
    });
    const helsinki = await partyIdByCode(db, '091');
    await expect(recordNegotiation(sys, 'HVA19', { obligationCode: 'hva_14_negotiation', heldOn: '2024-01-01', title: 'X', participantIds: [helsinki] })).rejects.toMatchObject({
      issues: [{ field: 'participantIds', code: 'participant_not_in_region' }],
    });
  });

  it('a held forum meeting of kind 7 § counts for the parties recorded as present, from when attendance is recorded', async () => {
    // The meeting is held in the autumn of 2022; the clock stands after it.
    const sys = testCtx(db, undefined, fixedClock('2022-10-20T12:00:00Z'));
    const forum = await createForum(sys, 'HVA19', { ownerPartyId: county, nameFi: 'Hyte-verkosto', level: 'operational_network', frequency: 'quarterly' });
    const m = await createMeeting(sys, forum.id, { titleFi: 'Hyte-neuvottelu 2022', startDate: '2022-10-10', startTime: '13:00', endTime: '15:00', place: 'Oulu', kinds: ['health_promotion_7'] });
    const status = async () => {
      const r = await getRegionObligations(testCtx(db), 'HVA19');
      const y = o14(r, 'sote_7_negotiation').periods.find((p) => p.period.key === 'year:2022')!;
      return { kempele: y.parties.find((p) => p.partyId === kempele)!.status, oulu: y.parties.find((p) => p.partyId === oulu)!.status, meeting: r.meetings.find((x) => x.id === m.id) };
    };
    // Planned, or held without attendance: no evidence.
    await expect(recordAttendance(sys, m.id, { rowVersion: m.rowVersion, partyIds: [kempele] })).rejects.toMatchObject({ issues: [{ field: 'partyIds', code: 'attendance_not_held' }] });
    const held = await changeMeetingState(sys, m.id, { rowVersion: m.rowVersion, state: 'held' });
    expect((await status()).kempele).toBe('overdue');
    const helsinki = await partyIdByCode(db, '091');
    await expect(recordAttendance(sys, m.id, { rowVersion: held.rowVersion, partyIds: [kempele, helsinki] })).rejects.toMatchObject({ issues: [{ field: 'partyIds', code: 'participant_not_in_region' }] });
    const recorded = await recordAttendance(sys, m.id, { rowVersion: held.rowVersion, partyIds: [kempele, county] });
    expect(recorded.attendedPartyIds).toEqual([kempele, county].sort());
    expect(await status()).toMatchObject({ kempele: 'met', oulu: 'overdue', meeting: { attendedPartyIds: [kempele, county].sort() } });
    // A stale form is a conflict, not a lost update; a correction changes the status.
    await expect(recordAttendance(sys, m.id, { rowVersion: held.rowVersion, partyIds: [] })).rejects.toMatchObject({ kind: 'conflict' });
    await recordAttendance(sys, m.id, { rowVersion: recorded.rowVersion, partyIds: [county] });
    expect((await status()).kempele).toBe('overdue');
    const audit = await db.query<{ action: string }>(`SELECT action FROM audit_event WHERE target_id = $1 ORDER BY id`, [m.id]);
    expect(audit.filter((a) => a.action === 'meeting.record_attendance')).toHaveLength(2);
    // The database keeps attendance to held meetings whatever writes it.
    const planned = await createMeeting(sys, forum.id, { titleFi: 'Tuleva', startDate: '2022-12-10', startTime: '13:00', endTime: '15:00', place: 'Oulu', kinds: ['health_promotion_7'] });
    await expect(db.query(`INSERT INTO meeting_attendance (meeting_id, party_id) VALUES ($1, $2)`, [planned.id, kempele])).rejects.toThrow(/not been held/);
  });
});

describe('documents with their decision record', () => {
  it('a welfare report (PDF or DOCX by content) with its decision counts for its party and period; annulled, it does not', async () => {
    const editor = testCtx(db, await createTestActor(db, [{ partyId: oulu, role: 'editor' }]));
    const input = { obligationCode: 'municipal_yearly_report', partyId: oulu, periodKey: 'year:2024', title: 'Hyvinvointiraportti 2024', decisionBody: 'Kaupunginvaltuusto', decisionDate: '2025-04-14', decisionSection: '45' };
    const d = await recordObligationDocument(editor, input, DOCX);
    expect(d.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const mine = await getPartyObligations(testCtx(db), oulu);
    expect(mine.rows.find((r) => r.obligation.code === 'municipal_yearly_report' && r.period.key === 'year:2024')!.status.status).toBe('met');
    expect(mine.rows.find((r) => r.obligation.code === 'municipal_yearly_report' && r.period.key === 'year:2025')!.status.status).toBe('overdue');
    await expect(recordObligationDocument(editor, { ...input }, file(Buffer.from('<html>not a docx</html>'), 'raportti.docx'))).rejects.toMatchObject({ issues: [{ field: 'file', code: 'document_type_not_allowed' }] });
    await expect(recordObligationDocument(editor, { ...input, periodKey: 'term:2025' }, PDF)).rejects.toMatchObject({ issues: [{ field: 'periodKey', code: 'invalid_period' }] });
    await expect(recordObligationDocument(editor, { ...input }, undefined)).rejects.toMatchObject({ issues: [{ field: 'file', code: 'required' }] });
    // Another party's editor cannot record for Oulu.
    const kempeleEditor = testCtx(db, await createTestActor(db, [{ partyId: kempele, role: 'editor' }]));
    await expect(recordObligationDocument(kempeleEditor, input, PDF)).rejects.toMatchObject({ kind: 'forbidden' });
    await annulObligationDocument(editor, d.id, { rowVersion: 1, reason: 'Väärä tiedosto' });
    const after = await getPartyObligations(testCtx(db), oulu);
    expect(after.rows.find((r) => r.obligation.code === 'municipal_yearly_report' && r.period.key === 'year:2024')!.status.status).toBe('overdue');
  });
});

describe('national overview and reminders', () => {
  it('covers all 22 regions × obligations for the current term and year, with CSV', async () => {
    const n = await getNationalObligations(testCtx(db));
    expect(n.regions).toHaveLength(22);
    expect(n.periods.hva_14_negotiation.key).toBe('term:2025');
    expect(n.periods.sote_7_negotiation.key).toBe('year:2026');
    const csv = nationalObligationsCsv(n).trim().split('\n');
    expect(csv).toHaveLength(1 + 22 * 6);
    expect(csv[0]).toBe('county_code,region_code,county_name_fi,obligation_code,period,period_ends_on,status,parties_met,parties_obliged');
  });

  it('reminders go out 30 days before the yearly deadline, each exactly once, to the editors of the missing parties', async () => {
    const editor = await createTestActor(db, [{ partyId: kempele, role: 'editor' }]);
    await db.query(`UPDATE app_user SET email = 'kempele.editor@test.invalid' WHERE id = $1`, [editor.kind === 'user' ? editor.userId : '']);
    const ctx = testCtx(db); // TEST_NOW 23.11.2026: 38 days to 31.12.2026 → the 90-day reminder
    const first = await sendObligationReminders(ctx);
    expect(first).toBeGreaterThan(0);
    expect(await sendObligationReminders(ctx)).toBe(0);
    const kinds = await db.query<{ kind: string }>(`SELECT DISTINCT kind FROM obligation_reminder WHERE party_id = $1`, [kempele]);
    expect(kinds.map((k) => k.kind)).toEqual(['before_90']);
    ctx.clock.set('2026-12-05T08:00:00Z');
    expect(await sendObligationReminders(ctx)).toBeGreaterThan(0);
    expect(await sendObligationReminders(ctx)).toBe(0);
    const mails = await db.query<{ subject: string }>(`SELECT subject FROM outbox_message WHERE 'kempele.editor@test.invalid' = ANY(recipients) ORDER BY subject`);
    expect(mails.some((m) => m.subject.startsWith('Määräaikaan alle 30 päivää (31.12.2026)'))).toBe(true);
    expect(mails.some((m) => m.subject.startsWith('Määräaika lähestyy'))).toBe(true);
    // Only the server runs it.
    await expect(sendObligationReminders(testCtx(db, editor))).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('the catalogue, kept by platform administrators', () => {
  it('an edit of an entry’s texts shows everywhere and raises the edition; a stale form is a conflict; statuses stay; audited', async () => {
    const admin = testCtx(db, await createTestActor(db, [], { isPlatformAdmin: true }));
    const before = await getObligationCatalogue(admin);
    expect(before).toMatchObject({ version: '2026-1', canEdit: true });
    expect((await getObligationCatalogue(testCtx(db, { kind: 'public' }))).canEdit).toBe(false);
    const entry = before.obligations.find((o) => o.code === 'sote_7_negotiation')!;
    const statusBefore = JSON.stringify((await getRegionObligations(testCtx(db), 'HVA19')).obligations.map((o) => o.periods.map((p) => p.status)));
    const input = { rowVersion: entry.rowVersion, law: 'Sote-järjestämislaki 612/2021 7 § (muutettu)', finlexUrl: 'https://finlex.fi/fi/lainsaadanto/2021/612', quote: entry.quote ?? '', source: entry.source };
    await expect(updateCatalogueEntry(admin, 'sote_7_negotiation', { ...input, finlexUrl: 'http://example.com' })).rejects.toMatchObject({ issues: [{ field: 'finlexUrl', code: 'invalid_url' }] });
    await expect(updateCatalogueEntry(admin, 'no_such', input)).rejects.toMatchObject({ issues: [{ field: 'obligationCode', code: 'invalid_choice' }] });
    const after = await updateCatalogueEntry(admin, 'sote_7_negotiation', input);
    expect(after.version).toBe('2026-1.1');
    await expect(updateCatalogueEntry(admin, 'sote_7_negotiation', { ...input, law: 'Toinen' })).rejects.toMatchObject({ kind: 'conflict' });
    const r = await getRegionObligations(testCtx(db), 'HVA19');
    expect(r.catalogueVersion).toBe('2026-1.1');
    expect(r.obligations.find((o) => o.obligation.code === 'sote_7_negotiation')!.obligation.law).toBe('Sote-järjestämislaki 612/2021 7 § (muutettu)');
    expect(JSON.stringify(r.obligations.map((o) => o.periods.map((p) => p.status)))).toBe(statusBefore);
    expect((await getNationalObligations(testCtx(db))).catalogueVersion).toBe('2026-1.1');
    const audit = await db.query<{ target_id: string; summary: { after: { law: string } } }>(`SELECT target_id, summary FROM audit_event WHERE action = 'obligation_catalogue.edit'`);
    expect(audit.map((a) => [a.target_id, a.summary.after.law])).toEqual([['sote_7_negotiation', 'Sote-järjestämislaki 612/2021 7 § (muutettu)']]);
  });
});

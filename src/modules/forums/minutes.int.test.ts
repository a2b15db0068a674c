import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '#modules/agreements/index.ts';
import type { Actor } from '#platform/actor.ts';
import type { Db } from '#platform/db/db.ts';
import type { UploadedFile } from '#platform/uploads.ts';
import { createTestActor, createTestDb, partyIdByCode, testCtx, testClock } from '../../../tests/support/db.ts';
import {
  addActionItem,
  addAgendaItem,
  addForumMember,
  attachItemDocument,
  changeMeetingState,
  checkMinutes,
  closeActionItem,
  createForum,
  createMeeting,
  getItemAttachment,
  getMeeting,
  getMeetingRecord,
  listPartyActions,
  listRegionActions,
  moveAgendaItem,
  publishAgenda,
  recordItemMinutes,
  recordPersonAttendance,
  removeAgendaItem,
  sendInvitations,
  setMinutesCheckers,
  updateAgendaItem,
} from './index.ts';

let db: Db;
let oulu: string;
let kempele: string;
let lahti: string;
let ouluEditor: Actor & { kind: 'user' };
let kempeleEditor: Actor & { kind: 'user' };
let checkerA: Actor & { kind: 'user' };
let checkerB: Actor & { kind: 'user' };
let outsider: Actor & { kind: 'user' };
let agreementId: string;
let otherRegionAgreementId: string;
const clock = testClock();
const ctx = (a?: Actor) => testCtx(db, a, clock);
const anon: Actor = { kind: 'public' };

const file = (bytes: Buffer | string, fileName: string): UploadedFile => {
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  return { fileName, bytes: b, truncated: false, maxBytes: 10 * 1024 * 1024 };
};
/** The first bytes of an OpenDocument text: a ZIP whose first entry, stored, is `mimetype`. */
function odt(): Buffer {
  const name = Buffer.from('mimetype');
  const data = Buffer.from('application/vnd.oasis.opendocument.text');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(name.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, name, data, Buffer.from('PK\u0001\u0002')]);
}
const emailOf = async (a: Actor & { kind: 'user' }) => (await db.query<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [a.userId]))[0]!.email;

beforeAll(async () => {
  db = await createTestDb();
  oulu = await partyIdByCode(db, '564');
  kempele = await partyIdByCode(db, '244');
  lahti = await partyIdByCode(db, '398');
  ouluEditor = await createTestActor(db, [{ partyId: oulu, role: 'editor' }]);
  kempeleEditor = await createTestActor(db, [{ partyId: kempele, role: 'editor' }]);
  checkerA = await createTestActor(db, [{ partyId: kempele, role: 'viewer' }], { displayName: 'Tarkastaja A' });
  checkerB = await createTestActor(db, [], { displayName: 'Tarkastaja B' });
  outsider = await createTestActor(db, [{ partyId: lahti, role: 'editor' }]);
  agreementId = (await createAgreement(ctx(), 'HVA19', { titleFi: 'Yhteistyösopimus', validFrom: '2027-01-01', coordinatingPartyId: oulu })).id;
  const lahtiCounty = (await db.query<{ county_code: string }>('SELECT county_code FROM party WHERE id = $1', [lahti]))[0]!.county_code;
  otherRegionAgreementId = (await createAgreement(ctx(), lahtiCounty, { titleFi: 'Päijät-Häme', validFrom: '2027-01-01', coordinatingPartyId: lahti })).id;
});
afterAll(async () => {
  await db?.close();
});

async function forumWithMembers(isPublic: boolean) {
  const f = await createForum(ctx(ouluEditor), 'HVA19', { ownerPartyId: oulu, nameFi: 'Kuntajohtajafoorumi', level: 'managerial', frequency: 'quarterly', isPublic: isPublic ? 'on' : '' });
  await addForumMember(ctx(ouluEditor), f.id, { party: `party:${oulu}`, personName: 'Sihteeri Saara', email: 'saara@oulu.test', role: 'secretary' });
  const a = await addForumMember(ctx(ouluEditor), f.id, { party: `party:${kempele}`, personName: 'Kunnanjohtaja Kaisa', email: await emailOf(checkerA), role: 'member' });
  await addForumMember(ctx(ouluEditor), f.id, { party: `party:${oulu}`, personName: 'Kaupunginjohtaja Olli', email: await emailOf(checkerB), role: 'chair' });
  return { forum: f, kaisa: a };
}

describe('agenda', () => {
  it('ordered items with presenter, what they handle in the region, attachments checked by content; published to invitees', async () => {
    const { forum } = await forumWithMembers(true);
    const m = await createMeeting(ctx(ouluEditor), forum.id, { titleFi: 'Joulukuun kokous', startDate: '2026-12-14', startTime: '10:00', endTime: '12:00', place: 'Oulu', kinds: ['regular'] });
    await expect(addAgendaItem(ctx(kempeleEditor), m.id, { titleFi: 'X' })).rejects.toMatchObject({ kind: 'forbidden' });
    const first = await addAgendaItem(ctx(ouluEditor), m.id, { titleFi: 'Kokouksen avaus', presenter: 'Puheenjohtaja' });
    const report = await addAgendaItem(ctx(ouluEditor), m.id, { titleFi: 'Vuosiseuranta 2026', handles: `report:${agreementId}`, reportYear: '2026', bodyFi: 'Käsitellään seurantaraportti.' });
    expect(report).toMatchObject({ position: 2, target: { link: 'annual_report', agreementId, year: 2026, agreementTitle: 'Yhteistyösopimus' } });
    // What an item handles must be in the forum's region; a report needs its year; the field is named.
    await expect(addAgendaItem(ctx(ouluEditor), m.id, { titleFi: 'Väärä', handles: `report:${otherRegionAgreementId}`, reportYear: '2026' })).rejects.toMatchObject({ issues: [{ field: 'handles', code: 'item_target_not_in_region' }] });
    await expect(addAgendaItem(ctx(ouluEditor), m.id, { titleFi: 'Ei vuotta', handles: `report:${agreementId}` })).rejects.toMatchObject({ issues: [{ field: 'reportYear', code: 'required' }] });
    await expect(addAgendaItem(ctx(ouluEditor), m.id, { titleFi: '' })).rejects.toMatchObject({ issues: [{ field: 'titleFi', code: 'required' }] });
    const third = await addAgendaItem(ctx(ouluEditor), m.id, { titleFi: 'Muut asiat' });

    const moved = await moveAgendaItem(ctx(ouluEditor), report.id, { rowVersion: report.rowVersion, direction: 'up' });
    expect(moved.position).toBe(1);
    await expect(moveAgendaItem(ctx(ouluEditor), report.id, { rowVersion: moved.rowVersion, direction: 'up' })).rejects.toMatchObject({ issues: [{ field: 'direction', code: 'item_cannot_move' }] });
    await expect(moveAgendaItem(ctx(ouluEditor), report.id, { rowVersion: report.rowVersion, direction: 'down' })).rejects.toMatchObject({ kind: 'conflict' });
    const edited = await updateAgendaItem(ctx(ouluEditor), first.id, { titleFi: 'Kokouksen avaus ja laillisuus', presenter: 'Puheenjohtaja', rowVersion: (await getMeetingRecord(ctx(ouluEditor), m.id)).items!.find((i) => i.id === first.id)!.rowVersion });
    expect(edited).toMatchObject({ position: 2, title: { fi: 'Kokouksen avaus ja laillisuus' } });
    await removeAgendaItem(ctx(ouluEditor), first.id, { rowVersion: edited.rowVersion });
    expect((await getMeetingRecord(ctx(ouluEditor), m.id)).items!.map((i) => [i.position, i.title.fi])).toEqual([
      [1, 'Vuosiseuranta 2026'],
      [2, 'Muut asiat'],
    ]);

    // Attachments: PDF, DOCX or ODT by content; an image named .pdf is refused, naming the field.
    const pdf = await attachItemDocument(ctx(ouluEditor), report.id, { title: 'Seurantaraportti' }, file('%PDF-1.7\n%âãÏÓ\n1 0 obj', 'raportti.pdf'));
    expect(pdf).toMatchObject({ mediaType: 'application/pdf', fileName: 'raportti.pdf' });
    const o = await attachItemDocument(ctx(ouluEditor), third.id, { title: 'Muistio' }, file(odt(), 'muistio.odt'));
    expect(o.mediaType).toBe('application/vnd.oasis.opendocument.text');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await expect(attachItemDocument(ctx(ouluEditor), report.id, { title: 'Kuva' }, file(png, 'kuva.pdf'))).rejects.toMatchObject({ issues: [{ field: 'file', code: 'document_type_not_allowed_odt' }] });
    await expect(attachItemDocument(ctx(ouluEditor), report.id, { title: '' }, file('%PDF-1.7', 'a.pdf'))).rejects.toMatchObject({ issues: [{ field: 'title', code: 'required' }] });

    // Until it is published, only the forum's managers see the agenda, even of a public forum.
    expect((await getMeetingRecord(ctx(anon), m.id)).items).toBeNull();
    expect((await getMeetingRecord(ctx(kempeleEditor), m.id)).items).toBeNull();
    await expect(getItemAttachment(ctx(anon), pdf.id)).rejects.toMatchObject({ kind: 'unauthenticated' });
    const invited = await sendInvitations(ctx(ouluEditor), m.id, { rowVersion: (await getMeeting(ctx(), m.id)).meeting.rowVersion });
    expect(invited.mailed).toBe(3);
    const before = (await db.query<{ n: string }>(`SELECT count(*) AS n FROM outbox_message WHERE topic = 'meeting.agenda'`))[0]!.n;
    const published = await publishAgenda(ctx(ouluEditor), m.id, { rowVersion: (await getMeeting(ctx(), m.id)).meeting.rowVersion });
    expect(published.mailed).toBe(3);
    const mails = await db.query<{ body_text: string; recipients: string[] }>(`SELECT body_text, recipients FROM outbox_message WHERE topic = 'meeting.agenda' ORDER BY created_at`);
    expect(mails.length - Number(before)).toBe(3);
    expect(mails.at(-1)!.body_text).toContain('1. Vuosiseuranta 2026');
    expect(mails.at(-1)!.body_text).toContain(`/meetings/${m.id}`);
    // A public forum's published agenda is for everyone, without the minutes.
    const pub = await getMeetingRecord(ctx(anon), m.id);
    expect(pub.items!.map((i) => i.title.fi)).toEqual(['Vuosiseuranta 2026', 'Muut asiat']);
    expect(pub.minutes).toBeNull();
    expect((await getItemAttachment(ctx(anon), pdf.id)).content.toString('latin1')).toContain('%PDF-1.7');

    // Once held, the agenda stands: items change only as minutes.
    clock.set('2026-12-14T08:30:00Z');
    try {
      const held = await changeMeetingState(ctx(ouluEditor), m.id, { rowVersion: published.meeting.rowVersion, state: 'held' });
      expect(held.state).toBe('held');
      await expect(addAgendaItem(ctx(ouluEditor), m.id, { titleFi: 'Myöhässä' })).rejects.toMatchObject({ code: 'forums.agenda_closed' });
    } finally {
      clock.set('2026-11-23T08:00:00Z');
    }
  });

  it('an internal forum publishes its agenda to the region’s parties and members only', async () => {
    const { forum } = await forumWithMembers(false);
    const m = await createMeeting(ctx(ouluEditor), forum.id, { titleFi: 'Sisäinen', startDate: '2026-12-15', startTime: '10:00', endTime: '11:00', place: 'Oulu' });
    await addAgendaItem(ctx(ouluEditor), m.id, { titleFi: 'Talousarvio' });
    await publishAgenda(ctx(ouluEditor), m.id, { rowVersion: (await getMeeting(ctx(), m.id)).meeting.rowVersion });
    expect((await getMeetingRecord(ctx(kempeleEditor), m.id)).items!.map((i) => i.title.fi)).toEqual(['Talousarvio']);
    await expect(getMeetingRecord(ctx(anon), m.id)).rejects.toMatchObject({ kind: 'unauthenticated' });
    await expect(getMeetingRecord(ctx(outsider), m.id)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('minutes', () => {
  it('per item summary and conclusion, attendance per person, action items, two checkers, approval and publication', async () => {
    const { forum, kaisa } = await forumWithMembers(true);
    const m = await createMeeting(ctx(ouluEditor), forum.id, { titleFi: 'Marraskuun kokous', startDate: '2026-11-20', startTime: '09:00', endTime: '11:00', place: 'Oulu', kinds: ['negotiation_14'] });
    const i1 = await addAgendaItem(ctx(ouluEditor), m.id, { titleFi: 'Sopimuksen seuranta' });
    const i2 = await addAgendaItem(ctx(ouluEditor), m.id, { titleFi: 'Hyvinvointikertomus' });
    await expect(recordItemMinutes(ctx(ouluEditor), i1.id, { rowVersion: i1.rowVersion, summaryFi: 'x' })).rejects.toMatchObject({ code: 'forums.minutes_closed' });
    const held = await changeMeetingState(ctx(ouluEditor), m.id, { rowVersion: (await getMeeting(ctx(), m.id)).meeting.rowVersion, state: 'held' });

    // Minutes of an item; a second editor working from the same version gets a conflict with the first one's text.
    const w1 = await recordItemMinutes(ctx(ouluEditor), i1.id, { rowVersion: i1.rowVersion, summaryFi: 'Käytiin läpi mittarit.', conclusion: 'noted', conclusionTextFi: 'Merkittiin tiedoksi.', internalNote: 'Lukuja ei vielä julkaista.' });
    const second = await recordItemMinutes(ctx(ouluEditor), i1.id, { rowVersion: i1.rowVersion, summaryFi: 'Toinen versio', conclusion: 'decided' }).catch((e: unknown) => e);
    expect(second).toMatchObject({ kind: 'conflict', code: 'forums.item_edited_by_someone_else', details: { current: { summary: { fi: 'Käytiin läpi mittarit.' } } } });
    await recordItemMinutes(ctx(ouluEditor), i2.id, { rowVersion: i2.rowVersion, summaryFi: 'Aikataulu sovittiin.', conclusion: 'decided', conclusionTextFi: 'Päätettiin valmistella kertomus yhdessä.' });
    await expect(recordItemMinutes(ctx(ouluEditor), i2.id, { rowVersion: 99, conclusion: 'maybe' })).rejects.toMatchObject({ issues: [{ field: 'conclusion', code: 'invalid_choice' }] });

    // Attendance per person: each bad line is named; nothing is saved until all are right.
    let rv = (await getMeeting(ctx(), m.id)).meeting.rowVersion;
    const bad = await recordPersonAttendance(ctx(ouluEditor), m.id, {
      rowVersion: rv,
      lines: [
        { person: `member:${kaisa.id}`, presence: 'present', leftAtItem: '2' },
        { person: 'member:00000000-0000-4000-8000-000000000000', presence: 'present' },
        { personName: 'Kunnanjohtaja Kaisa', partyId: kempele, presence: 'present' },
        { personName: 'Varahenkilö Ville', partyId: oulu, presence: 'deputy' },
        { personName: 'Asiantuntija', partyId: oulu, presence: 'present', leftAtItem: '7' },
      ],
    }).catch((e: unknown) => e);
    expect(bad).toMatchObject({
      kind: 'invalid',
      issues: [
        { field: 'lines.2.person', code: 'unknown_person' },
        { field: 'lines.3.personName', code: 'duplicate_attendance', params: { line: 1 } },
        { field: 'lines.4.deputyFor', code: 'deputy_for_required' },
        { field: 'lines.5.leftAtItem', code: 'no_such_item', params: { count: 2 } },
      ],
    });
    expect((await getMeetingRecord(ctx(ouluEditor), m.id)).minutes!.attendance).toEqual([]);
    const people = await recordPersonAttendance(ctx(ouluEditor), m.id, {
      rowVersion: rv,
      lines: [
        { person: `member:${kaisa.id}`, presence: 'present', leftAtItem: '2' },
        { personName: 'Varahenkilö Ville', partyId: oulu, presence: 'deputy', deputyFor: 'Kaupunginjohtaja Olli' },
        { personName: 'Poissa Pekka', partyId: kempele, presence: 'absent' },
        { personName: '', presence: '' },
      ],
    });
    expect(people.map((p) => [p.personName, p.presence, p.deputyFor, p.leftAtItem, p.partyId])).toEqual([
      ['Kunnanjohtaja Kaisa', 'present', '', 2, kempele],
      ['Varahenkilö Ville', 'deputy', 'Kaupunginjohtaja Olli', null, oulu],
      ['Poissa Pekka', 'absent', '', null, kempele],
    ]);
    await expect(recordPersonAttendance(ctx(ouluEditor), m.id, { rowVersion: rv, lines: [] })).rejects.toMatchObject({ kind: 'conflict' });

    // Action items with an owner party, a due date; in the region overview and on the owner's page.
    const a1 = await addActionItem(ctx(ouluEditor), m.id, { title: 'Kootaan kuntien indikaattorit', itemId: i1.id, ownerPartyId: kempele, ownerPerson: 'Kaisa', dueOn: '2026-12-31' });
    const a2 = await addActionItem(ctx(ouluEditor), m.id, { title: 'Kertomuksen runko', itemId: i2.id, ownerPartyId: oulu, dueOn: '2026-11-30' });
    await expect(addActionItem(ctx(ouluEditor), m.id, { title: 'Väärä', ownerPartyId: lahti, dueOn: '2026-12-01' })).rejects.toMatchObject({ issues: [{ field: 'ownerPartyId', code: 'participant_not_in_region' }] });
    await expect(addActionItem(ctx(ouluEditor), m.id, { title: 'Päivä', ownerPartyId: oulu, dueOn: '2026-02-30' })).rejects.toMatchObject({ issues: [{ field: 'dueOn', code: 'invalid_date' }] });
    expect(a1).toMatchObject({ itemPosition: 1, status: 'open' });

    // Two checkers, from the members with an account; approval waits for both; a later change asks them again.
    rv = (await getMeeting(ctx(), m.id)).meeting.rowVersion;
    await expect(setMinutesCheckers(ctx(ouluEditor), m.id, { rowVersion: rv, checker1: checkerA.userId, checker2: checkerA.userId })).rejects.toMatchObject({ issues: [{ field: 'checker2', code: 'checkers_must_differ' }] });
    await expect(setMinutesCheckers(ctx(ouluEditor), m.id, { rowVersion: rv, checker1: checkerA.userId, checker2: outsider.userId })).rejects.toMatchObject({ issues: [{ field: 'checker2', code: 'unknown_person' }] });
    const checkers = await setMinutesCheckers(ctx(ouluEditor), m.id, { rowVersion: rv, checker1: checkerA.userId, checker2: checkerB.userId });
    expect(checkers.map((c) => c.personName)).toEqual(['Kunnanjohtaja Kaisa', 'Kaupunginjohtaja Olli']);
    // The draft minutes are for the managers and the checkers; not yet for the region's other parties.
    expect((await getMeetingRecord(ctx(checkerB), m.id)).minutes).not.toBeNull();
    expect((await getMeetingRecord(ctx(kempeleEditor), m.id)).minutes).toBeNull();
    await expect(checkMinutes(ctx(kempeleEditor), m.id, { rowVersion: rv + 1 })).rejects.toMatchObject({ kind: 'forbidden' });
    rv = (await getMeeting(ctx(), m.id)).meeting.rowVersion;
    await checkMinutes(ctx(checkerA), m.id, { rowVersion: rv });
    await expect(changeMeetingState(ctx(ouluEditor), m.id, { rowVersion: rv + 1, state: 'minutes_approved' })).rejects.toMatchObject({ issues: [{ code: 'minutes_not_checked' }] });
    // A change after checker A checked: A's check lapses, and B cannot confirm the page B read before the change.
    const readByB = (await getMeeting(ctx(), m.id)).meeting.rowVersion;
    await recordItemMinutes(ctx(ouluEditor), i1.id, { rowVersion: w1.rowVersion, summaryFi: 'Käytiin läpi mittarit ja tavoitteet.', conclusion: 'noted', conclusionTextFi: 'Merkittiin tiedoksi.', internalNote: 'Lukuja ei vielä julkaista.' });
    await expect(checkMinutes(ctx(checkerB), m.id, { rowVersion: readByB })).rejects.toMatchObject({ code: 'forums.minutes_changed_since' });
    expect((await getMeetingRecord(ctx(ouluEditor), m.id)).minutes!.checkers.map((c) => c.checkedAt)).toEqual([null, null]);
    rv = (await getMeeting(ctx(), m.id)).meeting.rowVersion;
    await checkMinutes(ctx(checkerA), m.id, { rowVersion: rv });
    await checkMinutes(ctx(checkerB), m.id, { rowVersion: rv + 1 });
    const approved = await changeMeetingState(ctx(ouluEditor), m.id, { rowVersion: rv + 2, state: 'minutes_approved' });
    expect(approved.state).toBe('minutes_approved');
    await expect(recordItemMinutes(ctx(ouluEditor), i2.id, { rowVersion: 2, summaryFi: 'Myöhään' })).rejects.toMatchObject({ code: 'forums.minutes_closed' });

    // Approved minutes: the region's parties see them (with internal notes); the public only once published, without them.
    const forKempele = await getMeetingRecord(ctx(kempeleEditor), m.id);
    expect(forKempele.items![0]).toMatchObject({ conclusion: 'noted', internalNote: 'Lukuja ei vielä julkaista.' });
    expect((await getMeetingRecord(ctx(anon), m.id)).minutes).toBeNull();
    await changeMeetingState(ctx(ouluEditor), m.id, { rowVersion: approved.rowVersion, state: 'published' });
    const pub = await getMeetingRecord(ctx(anon), m.id);
    expect(pub.items!.map((i) => [i.title.fi, i.conclusion, i.conclusionText.fi, i.internalNote])).toEqual([
      ['Sopimuksen seuranta', 'noted', 'Merkittiin tiedoksi.', ''],
      ['Hyvinvointikertomus', 'decided', 'Päätettiin valmistella kertomus yhdessä.', ''],
    ]);
    expect(pub.minutes!.attendance).toHaveLength(3);

    // Overdue first, then by due date; the owner party's editor closes its own action with a note, once.
    clock.set('2026-12-02T08:00:00Z');
    try {
      const region = await listRegionActions(ctx(kempeleEditor), 'HVA19');
      expect(region.actions.map((a) => a.title)).toEqual(['Kertomuksen runko', 'Kootaan kuntien indikaattorit']);
      expect(region.actions.map((a) => a.canClose)).toEqual([false, true]);
      const mine = await listPartyActions(ctx(anon), kempele);
      expect(mine.actions.map((a) => a.id)).toEqual([a1.id]);
      await expect(closeActionItem(ctx(kempeleEditor), a2.id, { rowVersion: a2.rowVersion, status: 'done', note: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(closeActionItem(ctx(kempeleEditor), a1.id, { rowVersion: a1.rowVersion, status: 'done', note: '' })).rejects.toMatchObject({ issues: [{ field: 'note', code: 'required' }] });
      const closed = await closeActionItem(ctx(kempeleEditor), a1.id, { rowVersion: a1.rowVersion, status: 'done', note: 'Indikaattorit koottu Sotkanetista.' });
      expect(closed).toMatchObject({ status: 'done', closedNote: 'Indikaattorit koottu Sotkanetista.' });
      await expect(closeActionItem(ctx(ouluEditor), a1.id, { rowVersion: a1.rowVersion, status: 'cancelled', note: 'Ei tarvita' })).rejects.toMatchObject({ kind: 'conflict' });
      expect((await listRegionActions(ctx(kempeleEditor), 'HVA19')).actions.map((a) => a.id)).toEqual([a2.id]);
      expect((await listRegionActions(ctx(kempeleEditor), 'HVA19', { includeClosed: true })).actions.map((a) => a.id)).toEqual([a2.id, a1.id]);
    } finally {
      clock.set('2026-11-23T08:00:00Z');
    }
    const audit = await db.query<{ action: string }>(`SELECT action FROM audit_event WHERE target_id = ANY($1) ORDER BY occurred_at, id`, [[m.id, i1.id, a1.id]]);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['meeting_item.record_minutes', 'meeting.record_person_attendance', 'meeting.set_minutes_checkers', 'meeting.check_minutes', 'meeting_action.add', 'meeting_action.close']),
    );
  });
});

import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addForum, createAgreement, getAgreementForEdit } from '#modules/agreements/index.ts';
import type { Actor } from '#platform/actor.ts';
import type { Db } from '#platform/db/db.ts';
import { createMailDispatcher, createMailer, loadMailConfig } from '#platform/mail/index.ts';
import { silentLogger } from '#platform/log.ts';
import { createTestActor, createTestDb, partyIdByCode, testCtx, testClock } from '../../../tests/support/db.ts';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../../tests/support/smtp.ts';
import {
  addForumMember,
  answerInvitation,
  cancelMeeting,
  changeMeetingState,
  createForum,
  createMeeting,
  getForum,
  getMeeting,
  listRegionForums,
  nominateInvitee,
  removeForumMember,
  sendInvitations,
  sendMeetingReminders,
  updateForum,
  updateMeeting,
} from './index.ts';

let db: Db;
let oulu: string;
let kempele: string;
let ouluEditor: Actor;
let kempeleAdmin: Actor;
let smtp: TestSmtpServer;
const clock = testClock();
const ctx = (a?: Actor) => testCtx(db, a, clock);

const forumInput = (over: Record<string, unknown> = {}) => ({
  ownerPartyId: oulu,
  nameFi: 'Kuntajohtajafoorumi',
  nameSv: 'Kommundirektörsforumet',
  level: 'managerial',
  frequency: 'quarterly',
  mandateFi: 'Strategisen yhteistyön valmistelu.',
  ...over,
});
const meetingInput = (over: Record<string, unknown> = {}) => ({
  titleFi: 'Syyskokous',
  startDate: '2026-12-14',
  startTime: '10:00',
  endTime: '12:00',
  place: 'Oulun kaupungintalo',
  kinds: ['negotiation_14', 'regular'],
  ...over,
});

beforeAll(async () => {
  db = await createTestDb();
  oulu = await partyIdByCode(db, '564');
  kempele = await partyIdByCode(db, '244');
  ouluEditor = await createTestActor(db, [{ partyId: oulu, role: 'editor' }]);
  kempeleAdmin = await createTestActor(db, [{ partyId: kempele, role: 'admin' }]);
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
  await db?.close();
});

async function deliver(): Promise<void> {
  const mailer = createMailer(loadMailConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'Kumppanuus <noreply@kumppanuus.test>' }, '/tmp'), silentLogger);
  const d = createMailDispatcher({ db, mailer, clock, log: silentLogger });
  await d.drainOnce();
  await d.stop();
}

function vevent(mail: ReceivedMail) {
  expect(mail.parsed.calendar, 'the mail carries a text/calendar part').toBeTruthy();
  const cal = new ICAL.Component(ICAL.parse(mail.parsed.calendar!));
  const tz = cal.getFirstSubcomponent('vtimezone');
  expect(tz?.getFirstPropertyValue('tzid')).toBe('Europe/Helsinki');
  const ev = cal.getFirstSubcomponent('vevent')!;
  const timezone = new ICAL.Timezone(tz!);
  const start = ev.getFirstPropertyValue('dtstart') as ICAL.Time;
  start.zone = timezone;
  const end = ev.getFirstPropertyValue('dtend') as ICAL.Time;
  end.zone = timezone;
  return {
    method: cal.getFirstPropertyValue('method'),
    uid: ev.getFirstPropertyValue('uid'),
    sequence: ev.getFirstPropertyValue('sequence'),
    status: ev.getFirstPropertyValue('status'),
    tzid: ev.getFirstProperty('dtstart')!.getParameter('tzid'),
    start: start.toJSDate().toISOString(),
    end: end.toJSDate().toISOString(),
    attendee: ev.getFirstPropertyValue('attendee'),
    summary: ev.getFirstPropertyValue('summary'),
  };
}

describe('forums are standing bodies of a region', () => {
  it('a forum line added to an agreement becomes a standing forum of the region that the line refers to', async () => {
    const a = await createAgreement(ctx(), 'HVA19', { titleFi: 'Sopimus', validFrom: '2027-01-01', coordinatingPartyId: oulu });
    const line = await addForum(ctx(), a.id, { nameFi: 'Yhteistyöfoorumi', level: 'political', frequency: 'once_per_council_term', purposeFi: 'Neuvottelu' });
    expect(line.standingForumId).toBeTruthy();
    const { forum, agreements } = await getForum(ctx(), line.standingForumId!);
    expect(forum).toMatchObject({ countyCode: 'HVA19', ownerPartyId: oulu, name: { fi: 'Yhteistyöfoorumi' }, level: 'political', mandate: { fi: 'Neuvottelu' } });
    expect(agreements).toEqual([{ agreementId: a.id, agreementTitle: 'Sopimus', lineName: 'Yhteistyöfoorumi' }]);
    const edit = await getAgreementForEdit(ctx(), a.id);
    expect(edit.forums[0]!.standingForumId).toBe(forum.id);
  });

  it('editors of the coordinating party set up forums; members with roles and deputies; internal forums are hidden from the public', async () => {
    await expect(createForum(ctx(kempeleAdmin), 'HVA19', forumInput())).rejects.toMatchObject({ kind: 'forbidden' });
    const f = await createForum(ctx(ouluEditor), 'HVA19', forumInput());
    const chair = await addForumMember(ctx(ouluEditor), f.id, { party: `party:${oulu}`, personName: 'Kaupunginjohtaja', email: 'kj@oulu.test', role: 'chair' });
    const bad = await addForumMember(ctx(ouluEditor), f.id, { personName: 'Vara', role: 'deputy', deputyOf: '00000000-0000-4000-8000-000000000000' }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ kind: 'invalid', issues: [{ field: 'deputyOf', code: 'unknown_member' }] });
    await addForumMember(ctx(ouluEditor), f.id, { party: `party:${oulu}`, personName: 'Apulaiskaupunginjohtaja', role: 'deputy', deputyOf: chair.id });
    await expect(removeForumMember(ctx(ouluEditor), f.id, chair.id)).rejects.toMatchObject({ issues: [{ field: 'memberId', code: 'member_has_deputy' }] });
    await addForumMember(ctx(ouluEditor), f.id, { party: 'group:municipalities', role: 'member', roleNoteFi: 'kunnanjohtajat' });
    const wg = await createForum(ctx(ouluEditor), 'HVA19', forumInput({ level: 'working_group' })).catch((e: unknown) => e);
    expect(wg).toMatchObject({ issues: [{ field: 'endsOn', code: 'working_group_needs_end' }] });

    expect((await listRegionForums(ctx({ kind: 'public' }), 'HVA19')).forums.map((x) => x.id)).not.toContain(f.id);
    await expect(getForum(ctx({ kind: 'public' }), f.id)).rejects.toMatchObject({ kind: 'unauthenticated' });
    expect((await listRegionForums(ctx(kempeleAdmin), 'HVA19')).forums.map((x) => x.id)).toContain(f.id);

    const updated = await updateForum(ctx(ouluEditor), f.id, { ...forumInput(), isPublic: 'on', rowVersion: (await getForum(ctx(), f.id)).forum.rowVersion });
    expect(updated.isPublic).toBe(true);
    const pub = await getForum(ctx({ kind: 'public' }), f.id);
    expect(pub.forum.members.find((m) => m.role === 'chair')).toMatchObject({ personName: 'Kaupunginjohtaja', email: null });
    // A stale save is a conflict with the current values, never a lost update.
    const stale = await updateForum(ctx(ouluEditor), f.id, { ...forumInput({ nameFi: 'Vanha' }), rowVersion: 1 }).catch((e: unknown) => e);
    expect(stale).toMatchObject({ kind: 'conflict', details: { current: { name: { fi: 'Kuntajohtajafoorumi' } } } });
  });
});

describe('the region’s parties include its regional council', () => {
  it('the regional council is a member, sees internal forums, and is invited with the group', async () => {
    const liitto = await partyIdByCode(db, 'MK17');
    const liittoViewer = await createTestActor(db, [{ partyId: liitto, role: 'viewer' }]);
    const f = await createForum(ctx(ouluEditor), 'HVA19', forumInput({ nameFi: 'Liiton kanssa' }));
    await addForumMember(ctx(ouluEditor), f.id, { party: `party:${liitto}`, personName: 'Maakuntajohtaja', role: 'member' });
    await addForumMember(ctx(ouluEditor), f.id, { party: 'group:regional_council', role: 'member' });
    expect((await getForum(ctx(liittoViewer), f.id)).forum.id).toBe(f.id);
    const m = await createMeeting(ctx(ouluEditor), f.id, meetingInput());
    await sendInvitations(ctx(ouluEditor), m.id, { rowVersion: m.rowVersion });
    const invited = await db.query<{ party_id: string }>('SELECT party_id FROM meeting_invitee WHERE meeting_id = $1 AND email IS NULL', [m.id]);
    expect(invited.map((r) => r.party_id)).toEqual([liitto]);
  });
});

describe('meetings in Helsinki time', () => {
  let forumId: string;
  beforeAll(async () => {
    forumId = (await createForum(ctx(), 'HVA19', forumInput({ nameFi: 'Aikafoorumi' }))).id;
  });

  it('stores the instant of the Helsinki wall time on both sides of DST', async () => {
    const winter = await createMeeting(ctx(), forumId, meetingInput({ startDate: '2027-01-12', startTime: '10:00', endTime: '11:30' }));
    expect(winter.startsAt.toISOString()).toBe('2027-01-12T08:00:00.000Z');
    const summer = await createMeeting(ctx(), forumId, meetingInput({ startDate: '2027-06-08', startTime: '10:00', endTime: '11:30' }));
    expect(summer.startsAt.toISOString()).toBe('2027-06-08T07:00:00.000Z');
  });

  it('a time in the spring gap is refused, a repeated autumn time needs the offset; never shifted', async () => {
    const gap = await createMeeting(ctx(), forumId, meetingInput({ startDate: '2027-03-28', startTime: '03:30', endTime: '05:00' })).catch((e: unknown) => e);
    expect(gap).toMatchObject({ kind: 'invalid', issues: [{ field: 'startTime', code: 'time_nonexistent' }] });
    const twice = await createMeeting(ctx(), forumId, meetingInput({ startDate: '2027-10-31', startTime: '03:30', endTime: '05:00' })).catch((e: unknown) => e);
    expect(twice).toMatchObject({ kind: 'invalid', issues: [{ field: 'startTime', code: 'time_ambiguous' }] });
    const summer = await createMeeting(ctx(), forumId, meetingInput({ startDate: '2027-10-31', startTime: '03:30', startOffset: '+03:00', endTime: '05:00' }));
    expect(summer.startsAt.toISOString()).toBe('2027-10-31T00:30:00.000Z');
    const winter = await createMeeting(ctx(), forumId, meetingInput({ startDate: '2027-10-31', startTime: '03:30', startOffset: '+02:00', endTime: '05:00' }));
    expect(winter.startsAt.toISOString()).toBe('2027-10-31T01:30:00.000Z');
  });

  it('bad input names the field and saves nothing', async () => {
    const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM meeting'))[0]!.n;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ endTime: '09:00' }, 'endTime', 'end_before_start'],
      [{ startTime: '25:00' }, 'startTime', 'invalid_time'],
      [{ startDate: '2027-02-30' }, 'startDate', 'invalid_date'],
      [{ place: '', onlineUrl: '' }, 'place', 'place_or_link_required'],
      [{ onlineUrl: 'http://teams.example/x' }, 'onlineUrl', 'invalid_url'],
      [{ kinds: ['party'] }, 'kinds.0', 'invalid_choice'],
    ];
    for (const [over, field, code] of cases) {
      const e = await createMeeting(ctx(), forumId, meetingInput(over)).catch((x: unknown) => x);
      expect(e, JSON.stringify(over)).toMatchObject({ kind: 'invalid', issues: [{ field, code }] });
    }
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM meeting'))[0]!.n).toBe(before);
  });

  it('planned → held only once it has started → minutes approved (once checked) → published; no skipping', async () => {
    const m = await createMeeting(ctx(), forumId, meetingInput({ startDate: '2026-11-23', startTime: '09:00', endTime: '11:00' }));
    await expect(changeMeetingState(ctx(), m.id, { rowVersion: m.rowVersion, state: 'published' })).rejects.toMatchObject({ issues: [{ code: 'state_change_not_allowed' }] });
    const future = await createMeeting(ctx(), forumId, meetingInput());
    await expect(changeMeetingState(ctx(), future.id, { rowVersion: future.rowVersion, state: 'held' })).rejects.toMatchObject({ issues: [{ code: 'meeting_not_started' }] });
    const held = await changeMeetingState(ctx(), m.id, { rowVersion: m.rowVersion, state: 'held' });
    const stale = await changeMeetingState(ctx(), m.id, { rowVersion: m.rowVersion, state: 'held' }).catch((e: unknown) => e);
    expect(stale).toMatchObject({ issues: [{ code: 'state_change_not_allowed' }] });
    // Approval waits for the two minutes checkers (minutes.int.test.ts goes on from here to publication).
    await expect(changeMeetingState(ctx(), m.id, { rowVersion: held.rowVersion, state: 'minutes_approved' })).rejects.toMatchObject({ issues: [{ code: 'minutes_not_checked' }] });
    await expect(changeMeetingState(ctx(), m.id, { rowVersion: held.rowVersion, state: 'published' })).rejects.toMatchObject({ issues: [{ code: 'state_change_not_allowed' }] });
    await expect(updateMeeting(ctx(), m.id, { ...meetingInput(), rowVersion: held.rowVersion })).rejects.toMatchObject({ code: 'forums.meeting_not_upcoming' });
  });
});

describe('invitations with iCalendar through the outbox and SMTP', () => {
  it('REQUEST with a stable UID, SEQUENCE raised on a reschedule, CANCEL on cancellation; parties forward; invitees answer', async () => {
    const f = await createForum(ctx(ouluEditor), 'HVA19', forumInput({ nameFi: 'Kutsufoorumi' }));
    await addForumMember(ctx(ouluEditor), f.id, { party: `party:${oulu}`, personName: 'Sihteeri Säde', email: 'sade@oulu.test', role: 'secretary' });
    await addForumMember(ctx(ouluEditor), f.id, { party: `party:${kempele}`, personName: 'Kunnanjohtaja Kalle', email: 'kalle@kempele.test', role: 'member' });
    const m = await createMeeting(ctx(ouluEditor), f.id, meetingInput({ titleFi: 'Aloitusseminaari', startDate: '2026-12-14', startTime: '13:00', endTime: '16:00', kinds: ['seminar'] }));

    // A Kempele administrator cannot send the forum's invitations.
    await expect(sendInvitations(ctx(kempeleAdmin), m.id, { rowVersion: m.rowVersion })).rejects.toMatchObject({ kind: 'forbidden' });
    const sent = await sendInvitations(ctx(ouluEditor), m.id, { rowVersion: m.rowVersion });
    expect(sent).toEqual({ mailed: 2, parties: 2 });
    await deliver();
    const first = await smtp.waitFor(2);
    const toKalle = first.find((x) => x.to.includes('kalle@kempele.test'))!;
    expect(toKalle.parsed.calendarType).toContain('method=request');
    const ev1 = vevent(toKalle);
    expect(ev1).toMatchObject({ method: 'REQUEST', uid: `${m.id}@kumppanuus`, sequence: 0, status: 'CONFIRMED', tzid: 'Europe/Helsinki' });
    expect(ev1.start).toBe('2026-12-14T11:00:00.000Z');
    expect(ev1.end).toBe('2026-12-14T14:00:00.000Z');
    expect(ev1.attendee).toBe('mailto:kalle@kempele.test');
    expect(toKalle.parsed.subject).toContain('Aloitusseminaari');

    // Kempele's administrator forwards to Kempele's own expert; not for Oulu.
    const forwarded = await nominateInvitee(ctx(kempeleAdmin), m.id, { partyId: kempele, personName: 'Sivistysjohtaja Siiri', email: 'siiri@kempele.test' });
    expect(forwarded.nominatedByPartyId).toBe(kempele);
    await expect(nominateInvitee(ctx(kempeleAdmin), m.id, { partyId: oulu, personName: 'X', email: 'x@oulu.test' })).rejects.toMatchObject({ kind: 'forbidden' });
    await deliver();
    const toSiiri = (await smtp.waitFor(3)).find((x) => x.to.includes('siiri@kempele.test'))!;
    expect(vevent(toSiiri)).toMatchObject({ method: 'REQUEST', uid: `${m.id}@kumppanuus`, sequence: 0 });

    // Answering through the e-mail link, without signing in.
    const link = /\/invitations\/([A-Za-z0-9_-]+)/.exec(toSiiri.parsed.text)![1]!;
    await expect(answerInvitation(ctx({ kind: 'public' }), forwarded.id, { rowVersion: 1, answer: 'yes', token: 'wrong' })).rejects.toMatchObject({ kind: 'unauthenticated' });
    const noName = await answerInvitation(ctx({ kind: 'public' }), forwarded.id, { rowVersion: 1, answer: 'deputy', token: link }).catch((e: unknown) => e);
    expect(noName).toMatchObject({ kind: 'invalid', issues: [{ field: 'deputyName', code: 'required' }] });
    expect(await answerInvitation(ctx({ kind: 'public' }), forwarded.id, { rowVersion: 1, answer: 'deputy', deputyName: 'Rehtori Riikka', token: link })).toMatchObject({
      answer: 'deputy',
      deputyName: 'Rehtori Riikka',
    });

    // The secretary sees every answer; Kempele's administrator sees Kempele's rows only.
    const forSecretary = await getMeeting(ctx(ouluEditor), m.id);
    expect(forSecretary.invitees.filter((i) => i.email).map((i) => [i.email, i.answer])).toEqual(
      expect.arrayContaining([
        ['kalle@kempele.test', 'pending'],
        ['sade@oulu.test', 'pending'],
        ['siiri@kempele.test', 'deputy'],
      ]),
    );
    const forKempele = await getMeeting(ctx(kempeleAdmin), m.id);
    expect(forKempele.nominateFor).toEqual([kempele]);
    expect(forKempele.invitees.every((i) => i.partyId === kempele)).toBe(true);

    // Reschedule: the same UID with SEQUENCE 1 and the reason, to all three.
    const current = (await getMeeting(ctx(), m.id)).meeting;
    const noReason = await updateMeeting(ctx(ouluEditor), m.id, { ...meetingInput({ startDate: '2026-12-15', startTime: '13:00', endTime: '16:00' }), rowVersion: current.rowVersion }).catch((e: unknown) => e);
    expect(noReason).toMatchObject({ issues: [{ field: 'reason', code: 'reason_required_after_invitation' }] });
    const moved = await updateMeeting(ctx(ouluEditor), m.id, {
      ...meetingInput({ titleFi: 'Aloitusseminaari', startDate: '2026-12-15', startTime: '13:00', endTime: '16:00' }),
      rowVersion: current.rowVersion,
      reason: 'Sali varattu',
    });
    expect(moved.icalSequence).toBe(1);
    await deliver();
    const second = (await smtp.waitFor(6)).slice(3);
    expect(second.map((x) => x.to[0]).sort()).toEqual(['kalle@kempele.test', 'sade@oulu.test', 'siiri@kempele.test']);
    const ev2 = vevent(second[0]!);
    expect(ev2).toMatchObject({ method: 'REQUEST', uid: ev1.uid, sequence: 1, start: '2026-12-15T11:00:00.000Z' });
    expect(second[0]!.parsed.text).toContain('Sali varattu');

    // A stale edit is a conflict.
    const stale = await updateMeeting(ctx(ouluEditor), m.id, { ...meetingInput(), rowVersion: current.rowVersion, reason: 'x' }).catch((e: unknown) => e);
    expect(stale).toMatchObject({ kind: 'conflict', details: { current: { icalSequence: 1 } } });

    // Reminders two days before, once.
    clock.set('2026-12-13T12:00:00Z');
    try {
      expect(await sendMeetingReminders(ctx())).toBe(3);
      expect(await sendMeetingReminders(ctx())).toBe(0);
      await expect(sendMeetingReminders(ctx(ouluEditor))).rejects.toMatchObject({ kind: 'forbidden' });
    } finally {
      clock.set('2026-11-23T08:00:00Z');
    }
    await deliver();
    await smtp.waitFor(9);

    // Cancel: METHOD:CANCEL of the same UID, SEQUENCE 2.
    const cancelled = await cancelMeeting(ctx(ouluEditor), m.id, { rowVersion: moved.rowVersion, reason: 'Seminaari siirtyy keväälle' });
    expect(cancelled).toMatchObject({ state: 'cancelled', icalSequence: 2 });
    await deliver();
    const third = (await smtp.waitFor(12)).slice(9);
    expect(third[0]!.parsed.calendarType).toContain('method=cancel');
    expect(vevent(third[0]!)).toMatchObject({ method: 'CANCEL', uid: ev1.uid, sequence: 2, status: 'CANCELLED' });

    const audit = await db.query<{ action: string }>(`SELECT action FROM audit_event WHERE target_id = $1 ORDER BY id`, [m.id]);
    expect(audit.map((a) => a.action)).toEqual(['meeting.create', 'meeting.send_invitations', 'meeting.nominate', 'meeting.update', 'meeting.remind', 'meeting.cancel']);
  });
});

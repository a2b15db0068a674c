import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#platform/db/db.ts';
import { createTestDb, testCtx } from '../../../tests/support/db.ts';
import { getAgreement, getCommentRound, listAgreements, summariseComments } from '#modules/agreements/index.ts';
import { getRegionObligations } from '#modules/obligations/index.ts';
import { partyIdByCode } from '../../../tests/support/db.ts';
import { seedDemo } from './index.ts';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.close());

describe('demo: the Pohjois-Pohjanmaa agreement in its comment round', () => {
  it('is seeded once, with 11 areas, three forum levels and the timetable of the seed records', async () => {
    const sys = testCtx(db);
    await seedDemo(sys);
    await seedDemo(sys); // idempotent
    const pub = testCtx(db, { kind: 'public' });
    const { items } = await listAgreements(pub, 'HVA19');
    expect(items).toHaveLength(1);
    const id = items[0]!.agreement.id;

    // The public sees version 1 (it went to the comment round); the parties see the draft.
    const seen = await getAgreement(pub, id);
    expect(seen.agreement.status).toBe('comment_round');
    expect(seen.contentSource).toEqual({ kind: 'version', number: 1, label: 'Kuntajohtajafoorumi 14.9.2023' });
    expect(seen.parties).toHaveLength(32);
    expect(seen.content.areas).toHaveLength(11);
    expect(seen.content.forums.map((f) => f.level)).toEqual(['political', 'managerial', 'operational']);
    expect(seen.content.forums[0]).toMatchObject({ name: { fi: 'Yhteistyöfoorumi' }, frequency: 'once_per_council_term' });
    expect(seen.rounds).toMatchObject([{ versionNumber: 1, deadline: '2023-10-15', window: 'deadline_passed' }]);
    // The recorded presentations, and the public yhteistyöfoorumi's meeting with the version on its agenda (the
    // kuntajohtajafoorumi's meeting of 14.9.2023 is internal: only the parties see it there).
    expect(seen.presentations.map((p) => [p.forumName, p.presentedOn, p.meetingId !== null])).toEqual([
      ['Kuntajohtajafoorumi', '2023-09-14', false],
      ['Pohjois-Pohjanmaan liiton maakuntahallitus', '2023-10-18', false],
      ['Yhteistyöfoorumi', '2023-11-06', true],
    ]);
    expect((await getAgreement(sys, id)).presentations.filter((p) => p.meetingId).map((p) => p.presentedOn)).toEqual(['2023-09-14', '2023-11-06']);
    expect(JSON.stringify(seen)).not.toMatch(/Luukkonen|Tapaninen/); // demo roles, not the people in the records

    const sum = await summariseComments(sys, id);
    expect(sum.rows.map((r) => [r.party?.code, r.comment.kind, r.comment.answer])).toEqual([
      ['564', 'comment', 'partly_accepted'],
      ['564', 'comment', null],
      ['MK17', 'comment', 'accepted'],
      ['244', 'statement', null],
    ]);
    expect((await getCommentRound(sys, id)).comments.map((c) => c.authorName)).toEqual([
      'Oulun valmistelija',
      'Oulun valmistelija',
      'Liiton pääkäyttäjä',
      'Kempeleen päätösten kirjaaja',
    ]);
  });
});

describe('demo: the legal obligations of Pohjois-Pohjanmaa', () => {
  it('the 2023 yhteistyöfoorumi counts for 14 § in the first term but for two absent municipalities; 7 § met for 2024, overdue for 2025; the welfare report with its decision', async () => {
    await seedDemo(testCtx(db));
    const r = await getRegionObligations(testCtx(db, { kind: 'public' }), 'HVA19');
    const period = (code: string, key: string) => r.obligations.find((o) => o.obligation.code === code)!.periods.find((p) => p.period.key === key)!;
    const [hailuoto, pudasjarvi] = await Promise.all(['072', '615'].map((c) => partyIdByCode(db, c)));
    const first = period('hva_14_negotiation', 'term:2022');
    expect(first.missingPartyIds.sort()).toEqual([hailuoto, pudasjarvi].sort());
    expect(r.meetings).toHaveLength(1);
    expect(r.meetings[0]!.startsAt.toISOString()).toBe('2023-11-06T08:00:00.000Z'); // Mon 6.11.2023 10:00 in Helsinki
    expect(period('sote_7_negotiation', 'year:2024').status).toBe('met');
    expect(period('sote_7_negotiation', 'year:2025').status).toBe('overdue');
    expect(period('sote_7_welfare_report', 'term:2022').status).toBe('met');
    expect(r.documents.map((d) => [d.mediaType, d.decision])).toEqual([
      ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', { body: 'Aluevaltuusto', date: '2024-06-17', section: '52' }],
    ]);
  });
});

describe('demo: the forums meet', () => {
  it('Pohjois-Pohjanmaa’s 2023 meetings with published minutes and action items, an upcoming invited meeting; Keski-Pohjanmaa’s § 15 and its seminar with forwarded invitations', async () => {
    const { listRegionForums, listForumMeetings, getMeeting, listRegionActions } = await import('#modules/forums/index.ts');
    await seedDemo(testCtx(db));
    const pub = testCtx(db, { kind: 'public' });
    const sys = testCtx(db);
    const meetingsOf = async (county: string, name: string) => {
      const f = (await listRegionForums(sys, county)).forums.find((x) => x.name.fi === name)!;
      return listForumMeetings(sys, f.id);
    };
    const managers = await meetingsOf('HVA19', 'Kuntajohtajafoorumi');
    const sept = managers.find((m) => m.startsAt.toISOString() === '2023-09-14T07:00:00.000Z')!;
    expect(sept.state).toBe('published');
    const septView = await getMeeting(sys, sept.id);
    await expect(getMeeting(pub, sept.id)).rejects.toMatchObject({ kind: 'unauthenticated' }); // an internal forum
    expect(septView.record.items![0]).toMatchObject({ target: { link: 'agreement_version', versionNumber: 1 }, conclusion: 'noted' });
    const upcoming = managers.filter((m) => m.startsAt.getTime() > Date.parse(testCtx(db).clock.now().toISOString()));
    expect(upcoming.map((m) => m.state)).toEqual(['invited']);

    const nov = (await meetingsOf('HVA19', 'Yhteistyöfoorumi')).find((m) => m.startsAt.toISOString() === '2023-11-06T08:00:00.000Z')!;
    const novView = await getMeeting(pub, nov.id);
    expect(novView.meeting.state).toBe('published');
    expect(novView.record.minutes!.actions.map((a) => a.status).sort()).toEqual(['done', 'open']);
    expect(novView.record.minutes!.checkers.every((c) => c.checkedAt)).toBe(true);
    expect((await listRegionActions(pub, 'HVA19')).actions.map((a) => a.title)).toEqual(['Kuntien hyvinvointikoordinaattoreiden verkoston kokoaminen']);

    const kp = await meetingsOf('HVA18', 'Alueneuvottelukunta');
    const april = (await getMeeting(pub, kp.find((m) => m.startsAt.toISOString() === '2023-04-21T06:00:00.000Z')!.id)).record.items!;
    expect(april.map((i) => [i.section, i.title.fi])).toEqual([[15, 'Hyvinvointialueen ja kuntien yhteistyösopimus']]);
    expect(april[0]!.conclusionText.fi).toContain('aloitusseminaari 6.9.2023 klo 13.00');
    const seminar = kp.find((m) => m.startsAt.toISOString() === '2023-09-06T10:00:00.000Z')!;
    expect(seminar.kinds).toEqual(['seminar']);
    const forwarded = await db.query<{ person_name: string }>('SELECT person_name FROM meeting_invitee WHERE meeting_id = $1 AND nominated_by_party_id IS NOT NULL ORDER BY person_name', [seminar.id]);
    expect(forwarded.map((r) => r.person_name)).toEqual(['Kannuksen hyvinvointikoordinaattori', 'Kokkolan sivistysjohtaja']);
  });
});

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
    expect(seen.presentations.map((p) => [p.forumName, p.presentedOn])).toEqual([
      ['Kuntajohtajafoorumi', '2023-09-14'],
      ['Pohjois-Pohjanmaan liiton maakuntahallitus', '2023-10-18'],
    ]);
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

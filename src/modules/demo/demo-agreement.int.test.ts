import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#platform/db/db.ts';
import { createTestDb, testCtx } from '../../../tests/support/db.ts';
import { getAgreement, getCommentRound, listAgreements, summariseComments } from '#modules/agreements/index.ts';
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#modules/accounts/index.ts';
import { addForumMember, createForum, createMeeting, sendInvitations } from '#modules/forums/index.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestDb, partyIdByCode, testCtx, testClock } from '../support/db.ts';
import { startTestApp, Visitor, type TestApp } from '../support/http.ts';

/** Forum, meeting and invitation pages without JavaScript, in fi/sv/en. */
const clock = testClock();
let db: Db;
let app: TestApp;
let forumId: string;
let meetingId: string;
let token: string;
const PASSWORD = 'forums-test-password-1';

beforeAll(async () => {
  db = await createTestDb();
  const oulu = await partyIdByCode(db, '564');
  const sys = testCtx(db, undefined, clock);
  await createUser(sys, { email: 'sihteeri@oulu.test', displayName: 'Sihteeri', password: PASSWORD, memberships: [{ partyId: oulu, role: 'editor' }] });
  const forum = await createForum(sys, 'HVA19', { ownerPartyId: oulu, nameFi: 'Kuntajohtajafoorumi', nameSv: 'Kommundirektörsforumet', level: 'managerial', frequency: 'quarterly', isPublic: 'on' });
  forumId = forum.id;
  await addForumMember(sys, forumId, { party: `party:${oulu}`, personName: 'Kalle Kutsuttu', email: 'kalle@oulu.test', role: 'member' });
  const m = await createMeeting(sys, forumId, { titleFi: 'Syyskokous', titleSv: 'Höstmöte', startDate: '2026-12-14', startTime: '10:00', endTime: '12:00', place: 'Oulu', kinds: ['regular'] });
  meetingId = m.id;
  await sendInvitations(sys, meetingId, { rowVersion: m.rowVersion });
  const [mail] = await db.query<{ body_text: string }>(`SELECT body_text FROM outbox_message WHERE 'kalle@oulu.test' = ANY(recipients)`);
  token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail!.body_text)![1]!;
  app = await startTestApp(db, { clock });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('forum pages over HTTP', () => {
  it('the region’s forums, a public forum and its meeting render in fi, sv and en for anyone', async () => {
    const v = new Visitor(app.url);
    for (const [prefix, word] of [
      ['', 'Foorumit'],
      ['/sv', 'Forum'],
      ['/en', 'Forums'],
    ] as const) {
      const list = await v.get(`${prefix}/regions/HVA19/forums`);
      expect(list.status).toBe(200);
      expect(await list.text()).toContain(word);
      const forum = await (await v.get(`${prefix}/forums/${forumId}`)).text();
      expect(forum).toContain(prefix === '/sv' ? 'Kommundirektörsforumet' : 'Kuntajohtajafoorumi');
      const meeting = await v.get(`${prefix}/meetings/${meetingId}`);
      expect(meeting.status).toBe(200);
      expect(await meeting.text()).toContain(prefix === '/sv' ? 'Höstmöte' : 'Syyskokous');
    }
  });

  it('the API reads forums and meetings; the public sees no e-mail addresses and no invitees', async () => {
    const v = new Visitor(app.url);
    const list = (await (await v.json('GET', '/api/v1/regions/HVA19/forums')).json()) as { items: { id: string }[] };
    expect(list.items.map((f) => f.id)).toContain(forumId);
    const forum = (await (await v.json('GET', `/api/v1/forums/${forumId}`)).json()) as { members: { email: string | null }[]; meetings: { id: string; icalUid: string }[] };
    expect(forum.members[0]!.email).toBeNull();
    expect(forum.meetings.map((m) => m.id)).toContain(meetingId);
    const meeting = (await (await v.json('GET', `/api/v1/meetings/${meetingId}`)).json()) as { startsAt: string; state: string; invitees: unknown[] };
    expect(meeting).toMatchObject({ startsAt: '2026-12-14T08:00:00.000Z', state: 'invited', invitees: [] });
  });

  it('an invitee answers through the e-mail link without JavaScript or signing in', async () => {
    const v = new Visitor(app.url);
    const page = await v.get(`/invitations/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const inviteeId = /name="inviteeId" value="([^"]+)"/.exec(html)![1]!;
    const missing = await v.post(`/invitations/${token}`, { _csrf: csrf, intent: 'answer', inviteeId, rowVersion: '1', answer: 'deputy', deputyName: '' });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('Tieto on pakollinen');
    const ok = await v.post(`/invitations/${token}`, { _csrf: csrf, intent: 'answer', inviteeId, rowVersion: '1', answer: 'deputy', deputyName: 'Varpu Varahenkilö' });
    expect(ok.status).toBe(200);
    const [row] = await db.query<{ answer: string; deputy_name: string }>('SELECT answer, deputy_name FROM meeting_invitee WHERE id = $1', [inviteeId]);
    expect(row).toEqual({ answer: 'deputy', deputy_name: 'Varpu Varahenkilö' });
    expect((await v.get('/invitations/not-a-real-token')).status).toBe(404);
  });

  it('the secretary plans a meeting with the form; a time in the DST gap is explained, not shifted', async () => {
    const v = new Visitor(app.url);
    await v.signIn('sihteeri@oulu.test', PASSWORD);
    const csrf = await v.csrf(`/forums/${forumId}`);
    const form = { _csrf: csrf, intent: 'create-meeting', titleFi: 'Kevätkokous', startDate: '2027-03-28', startTime: '03:30', endTime: '05:00', place: 'Oulu' };
    const gap = await v.post(`/forums/${forumId}`, form);
    expect(gap.status).toBe(400);
    const text = await gap.text();
    expect(text).toContain('Kellonaikaa 03:30 ei ole 2027-03-28');
    expect(text).toContain('value="Kevätkokous"');
    const ok = await v.post(`/forums/${forumId}`, { ...form, startDate: '2027-03-29', startTime: '10:00', endTime: '12:00' });
    expect(ok.status).toBe(302);
    const [m] = await db.query<{ starts_at: Date }>(`SELECT starts_at FROM meeting WHERE title_fi = 'Kevätkokous'`);
    expect(new Date(m!.starts_at).toISOString()).toBe('2027-03-29T07:00:00.000Z');
  });
});

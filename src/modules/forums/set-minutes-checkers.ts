import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { invalid, type FieldIssue } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { forumPolicy } from './forum-policy.ts';
import { listInvitees } from './invitation-queries.ts';
import { assertMinutesOpen, lockMinutes, meetingRecord } from './minutes-access.ts';
import type { MinutesChecker } from './minutes.ts';
import { listCheckers, replaceCheckers } from './minutes-queries.ts';
import { ZMinutesCheckers } from './minutes-schemas.ts';

/** The people who may check a meeting's minutes: named forum members and invitees who have an account. */
export async function checkerCandidates(ctx: Ctx, meetingId: string, members: readonly { userId: string | null; personName: string | null }[]) {
  const all = [...members, ...(await listInvitees(ctx.db, meetingId))];
  const byUser = new Map<string, string>();
  for (const p of all) if (p.userId && p.personName && !byUser.has(p.userId)) byUser.set(p.userId, p.personName);
  return [...byUser].map(([userId, personName]) => ({ userId, personName })).sort((a, b) => a.personName.localeCompare(b.personName, 'fi'));
}

/** Names the two minutes checkers (from the forum's members and the invitees with an account); earlier checks lapse. */
export async function setMinutesCheckers(ctx: Ctx, meetingId: string, input: unknown): Promise<MinutesChecker[]> {
  const { meeting, forum, subject } = await meetingRecord(ctx.db, meetingId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  const f = parseInput(ZMinutesCheckers, input);
  assertMinutesOpen(meeting, 'checker1');
  const candidates = await checkerCandidates(ctx, meetingId, forum.members);
  const issues: FieldIssue[] = [];
  const pick = (field: string, userId: string) => {
    const c = candidates.find((x) => x.userId === userId);
    if (!c) issues.push({ field, code: 'unknown_person' });
    return c;
  };
  const chosen = [pick('checker1', f.checker1), pick('checker2', f.checker2)];
  if (issues.length) throw invalid(issues);
  return ctx.db.transaction(async (tx) => {
    await lockMinutes(tx, ctx, meetingId, f.rowVersion);
    const before = await listCheckers(tx, meetingId);
    await replaceCheckers(tx, meetingId, chosen.map((c) => c!));
    const after = await listCheckers(tx, meetingId);
    await recordAudit(tx, ctx, {
      partyId: forum.ownerPartyId,
      action: 'meeting.set_minutes_checkers',
      targetType: 'meeting',
      targetId: meetingId,
      before: { checkers: before.map((c) => ({ user_id: c.userId, name: c.personName })) },
      after: { checkers: after.map((c) => ({ user_id: c.userId, name: c.personName })) },
    });
    return after;
  });
}

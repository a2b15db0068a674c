import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { invalid, type FieldIssue } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { forumPolicy } from './forum-policy.ts';
import { regionPartyIds } from './forum-queries.ts';
import { assertMinutesOpen, meetingRecord } from './minutes-access.ts';
import type { ActionItem } from './minutes.ts';
import { findAction, findItem, insertAction, resetChecks } from './minutes-queries.ts';
import { ZAddAction } from './minutes-schemas.ts';

/** Records an action item agreed in the meeting (from one of its items or the meeting as a whole), owned by a party of the region. */
export async function addActionItem(ctx: Ctx, meetingId: string, input: unknown): Promise<ActionItem> {
  const { meeting, forum, subject } = await meetingRecord(ctx.db, meetingId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  const f = parseInput(ZAddAction, input);
  assertMinutesOpen(meeting, 'title');
  const issues: FieldIssue[] = [];
  if (!(await regionPartyIds(ctx.db, forum.countyCode)).includes(f.ownerPartyId)) issues.push({ field: 'ownerPartyId', code: 'participant_not_in_region' });
  if (f.itemId && (await findItem(ctx.db, f.itemId))?.meetingId !== meetingId) issues.push({ field: 'itemId', code: 'invalid_choice' });
  if (issues.length) throw invalid(issues);
  return ctx.db.transaction(async (tx) => {
    const id = await insertAction(tx, meetingId, { ...f, itemId: f.itemId || null }, ctx.clock.now());
    await resetChecks(tx, meetingId, ctx.clock.now());
    const action = (await findAction(tx, id))!;
    await recordAudit(tx, ctx, {
      partyId: forum.ownerPartyId,
      action: 'meeting_action.add',
      targetType: 'meeting_action',
      targetId: id,
      after: { meeting_id: meetingId, item_id: action.itemId, title: action.title, owner_party_id: action.ownerPartyId, owner_person: action.ownerPerson, due_on: action.dueOn },
    });
    return action;
  });
}

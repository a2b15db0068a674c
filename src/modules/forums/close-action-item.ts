import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { meetingWithForum } from './meeting-access.ts';
import type { ActionItem } from './minutes.ts';
import { actionPolicy } from './minutes-policy.ts';
import { closeActionRow, findAction } from './minutes-queries.ts';
import { ZCloseAction } from './minutes-schemas.ts';

/** Closes an action item as done or cancelled, with a note: the forum's managers or the owner party's editors. */
export async function closeActionItem(ctx: Ctx, actionId: string, input: unknown): Promise<ActionItem> {
  const action = await findAction(ctx.db, actionId);
  if (!action) throw notFound('forums.action_not_found');
  const { forum, subject } = await meetingWithForum(ctx.db, action.meetingId);
  assertCan(actionPolicy, 'action.close', ctx.actor, { ...subject, actionOwnerPartyId: action.ownerPartyId });
  const f = parseInput(ZCloseAction, input);
  return ctx.db.transaction(async (tx) => {
    if (!(await closeActionRow(tx, actionId, f.rowVersion, f.status, f.note, ctx.actor.kind === 'user' ? ctx.actor.userId : null, ctx.clock.now()))) {
      throw conflict('forums.action_edited_by_someone_else', { current: (await findAction(tx, actionId)) ?? null });
    }
    const after = (await findAction(tx, actionId))!;
    await recordAudit(tx, ctx, {
      partyId: action.ownerPartyId,
      action: 'meeting_action.close',
      targetType: 'meeting_action',
      targetId: actionId,
      before: { status: action.status },
      after: { status: after.status, note: after.closedNote, forum_id: forum.id },
    });
    return after;
  });
}

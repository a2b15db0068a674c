import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { forumPolicy } from './forum-policy.ts';
import { assertMinutesOpen, itemAuditView, itemRecord } from './minutes-access.ts';
import type { AgendaItem } from './minutes.ts';
import { findItem, resetChecks, updateItemMinutes } from './minutes-queries.ts';
import { ZItemMinutes } from './minutes-schemas.ts';

/**
 * Writes an item's minutes: a summary of the discussion and the conclusion (decided / noted for information /
 * referred back / postponed) with its wording; an internal note stays with the parties. Two people editing the
 * same item: the second gets a conflict with the first one's text, never a silent overwrite. A change after a
 * checker has checked the minutes asks the checkers to check again.
 */
export async function recordItemMinutes(ctx: Ctx, itemId: string, input: unknown): Promise<AgendaItem> {
  const { item, meeting, forum, subject } = await itemRecord(ctx.db, itemId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  const f = parseInput(ZItemMinutes, input);
  assertMinutesOpen(meeting, 'summaryFi');
  return ctx.db.transaction(async (tx) => {
    const fields = { ...f, conclusion: f.conclusion === '' ? null : f.conclusion };
    if (!(await updateItemMinutes(tx, itemId, f.rowVersion, fields, ctx.clock.now()))) {
      throw conflict('forums.item_edited_by_someone_else', { current: (await findItem(tx, itemId)) ?? null });
    }
    await resetChecks(tx, meeting.id, ctx.clock.now());
    const after = (await findItem(tx, itemId))!;
    await recordAudit(tx, ctx, {
      partyId: forum.ownerPartyId,
      action: 'meeting_item.record_minutes',
      targetType: 'meeting_item',
      targetId: itemId,
      before: { ...itemAuditView(item), internal_note: item.internalNote },
      after: { ...itemAuditView(after), internal_note: after.internalNote },
    });
    return after;
  });
}

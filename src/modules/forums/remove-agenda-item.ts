import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { forumPolicy } from './forum-policy.ts';
import { ZRowVersion } from './forum-schemas.ts';
import { assertAgendaOpen, itemAuditView, itemRecord } from './minutes-access.ts';
import { deleteItem, findItem } from './minutes-queries.ts';

/** Removes an item (and its attachments) from the agenda before the meeting; the items after it move up. */
export async function removeAgendaItem(ctx: Ctx, itemId: string, input: unknown): Promise<void> {
  const { item, meeting, forum, subject } = await itemRecord(ctx.db, itemId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  const f = parseInput(ZRowVersion, input);
  assertAgendaOpen(meeting, 'rowVersion');
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteItem(tx, itemId, f.rowVersion))) throw conflict('forums.item_edited_by_someone_else', { current: (await findItem(tx, itemId)) ?? null });
    await recordAudit(tx, ctx, {
      partyId: forum.ownerPartyId,
      action: 'meeting_item.remove',
      targetType: 'meeting_item',
      targetId: itemId,
      before: { meeting_id: meeting.id, ...itemAuditView(item), attachments: item.attachments.map((a) => ({ file_name: a.fileName, sha256: a.sha256 })) },
    });
  });
}

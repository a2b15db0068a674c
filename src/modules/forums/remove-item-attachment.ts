import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { invalid, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { forumPolicy } from './forum-policy.ts';
import { itemRecord } from './minutes-access.ts';
import { agendaOpen, minutesOpen } from './minutes.ts';
import { deleteAttachment, findAttachment } from './minutes-queries.ts';

/** Removes an attachment from an item while the agenda or the minutes are still open. */
export async function removeItemAttachment(ctx: Ctx, attachmentId: string): Promise<void> {
  const att = await findAttachment(ctx.db, attachmentId);
  if (!att) throw notFound('forums.attachment_not_found');
  const { meeting, forum, subject } = await itemRecord(ctx.db, att.itemId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  if (!agendaOpen(meeting.state) && !minutesOpen(meeting.state)) throw invalid([{ field: 'file', code: 'attachments_closed' }]);
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteAttachment(tx, attachmentId))) throw notFound('forums.attachment_not_found');
    await recordAudit(tx, ctx, {
      partyId: forum.ownerPartyId,
      action: 'meeting_item.remove_attachment',
      targetType: 'meeting_item',
      targetId: att.itemId,
      before: { attachment_id: att.id, title: att.title, file_name: att.fileName, sha256: att.sha256 },
    });
  });
}

import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { invalid, type FieldIssue } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { checkDocument, DOCX, ODT, PDF, type UploadedFile } from '#platform/uploads.ts';
import { parseInput } from '#platform/validation.ts';
import { forumPolicy } from './forum-policy.ts';
import { itemRecord } from './minutes-access.ts';
import { agendaOpen, minutesOpen, type ItemAttachment } from './minutes.ts';
import { findItem, insertAttachment } from './minutes-queries.ts';
import { ZItemAttachment } from './minutes-schemas.ts';

/** Agenda attachments: PDF, DOCX or ODT, checked by content whatever the name says. */
export const ATTACHMENT_TYPES = [PDF, DOCX, ODT] as const;

/** Attaches a document to an agenda item, before the meeting or while its minutes are written. */
export async function attachItemDocument(ctx: Ctx, itemId: string, input: unknown, file: UploadedFile | undefined): Promise<ItemAttachment> {
  const { item, meeting, forum, subject } = await itemRecord(ctx.db, itemId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  const issues: FieldIssue[] = [];
  const title = ZItemAttachment.safeParse(input);
  if (!title.success) issues.push({ field: 'title', code: 'required' });
  if (!agendaOpen(meeting.state) && !minutesOpen(meeting.state)) issues.push({ field: 'file', code: 'attachments_closed' });
  const checked = checkDocument(file, 'file', ATTACHMENT_TYPES, issues, true);
  if (issues.length || !checked || !title.success) throw invalid(issues);
  const f = parseInput(ZItemAttachment, input);
  return ctx.db.transaction(async (tx) => {
    const id = await insertAttachment(tx, itemId, { title: f.title, ...checked }, ctx.actor.kind === 'user' ? ctx.actor.userId : null, ctx.clock.now());
    await recordAudit(tx, ctx, {
      partyId: forum.ownerPartyId,
      action: 'meeting_item.attach',
      targetType: 'meeting_item',
      targetId: itemId,
      after: { attachment_id: id, title: f.title, file_name: checked.fileName, media_type: checked.mediaType, sha256: checked.sha256, item_position: item.position },
    });
    return (await findItem(tx, itemId))!.attachments.find((a) => a.id === id)!;
  });
}

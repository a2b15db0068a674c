import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { meetingRecord } from './minutes-access.ts';
import { meetingRecordPolicy } from './minutes-policy.ts';
import { findAttachment } from './minutes-queries.ts';

/** An agenda attachment's file, for those who see the agenda. */
export async function getItemAttachment(ctx: Ctx, attachmentId: string): Promise<{ fileName: string; mediaType: string; content: Buffer; sha256: string }> {
  const att = await findAttachment(ctx.db, attachmentId);
  if (!att) throw notFound('forums.attachment_not_found');
  const { record } = await meetingRecord(ctx.db, att.meetingId);
  assertCan(meetingRecordPolicy, 'agenda.view', ctx.actor, record);
  return { fileName: att.fileName, mediaType: att.mediaType, content: att.content, sha256: att.sha256 };
}

import { changedFields, recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import type { Forum } from './forum.ts';
import { forumAuditView, forumWithSubject } from './forum-access.ts';
import { forumPolicy } from './forum-policy.ts';
import { findForum, updateForumRow } from './forum-queries.ts';
import { ZUpdateForum } from './forum-schemas.ts';

/** Edits a forum's details; a stale save is refused as a conflict carrying the current values. */
export async function updateForum(ctx: Ctx, forumId: string, input: unknown): Promise<Forum> {
  const { forum, subject } = await forumWithSubject(ctx.db, forumId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  const f = parseInput(ZUpdateForum, input);
  return ctx.db.transaction(async (tx) => {
    if (!(await updateForumRow(tx, forumId, f.rowVersion, f, ctx.clock.now()))) {
      throw conflict('forums.edited_by_someone_else', { current: (await findForum(tx, forumId)) ?? null });
    }
    const updated = (await findForum(tx, forumId))!;
    await recordAudit(tx, ctx, {
      partyId: forum.ownerPartyId,
      action: 'forum.update',
      targetType: 'forum',
      targetId: forumId,
      ...changedFields(forumAuditView(forum), forumAuditView(updated)),
    });
    return updated;
  });
}

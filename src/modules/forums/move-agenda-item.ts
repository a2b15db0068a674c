import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict, invalid } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { forumPolicy } from './forum-policy.ts';
import { assertAgendaOpen, itemRecord } from './minutes-access.ts';
import type { AgendaItem } from './minutes.ts';
import { findItem, moveItem } from './minutes-queries.ts';
import { ZMoveItem } from './minutes-schemas.ts';

/** Moves an item one place up or down the agenda (before the meeting is held); the first cannot go up. */
export async function moveAgendaItem(ctx: Ctx, itemId: string, input: unknown): Promise<AgendaItem> {
  const { item, meeting, forum, subject } = await itemRecord(ctx.db, itemId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  const f = parseInput(ZMoveItem, input);
  assertAgendaOpen(meeting, 'direction');
  return ctx.db.transaction(async (tx) => {
    const moved = await moveItem(tx, itemId, f.rowVersion, f.direction === 'up' ? -1 : 1, ctx.clock.now());
    if (moved === 'stale') throw conflict('forums.item_edited_by_someone_else', { current: (await findItem(tx, itemId)) ?? null });
    if (moved === 'edge') throw invalid([{ field: 'direction', code: 'item_cannot_move' }]);
    const after = (await findItem(tx, itemId))!;
    await recordAudit(tx, ctx, { partyId: forum.ownerPartyId, action: 'meeting_item.move', targetType: 'meeting_item', targetId: itemId, before: { position: item.position }, after: { position: after.position } });
    return after;
  });
}

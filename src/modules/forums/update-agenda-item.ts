import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { agendaFields } from './agenda-fields.ts';
import { forumPolicy } from './forum-policy.ts';
import { assertAgendaOpen, itemAuditView, itemRecord } from './minutes-access.ts';
import type { AgendaItem } from './minutes.ts';
import { findItem, updateItemAgenda } from './minutes-queries.ts';
import { ZUpdateAgendaItem } from './minutes-schemas.ts';

/** Changes an agenda item's title, presenter, text or what it handles (before the meeting is held). */
export async function updateAgendaItem(ctx: Ctx, itemId: string, input: unknown): Promise<AgendaItem> {
  const { item, meeting, forum, subject } = await itemRecord(ctx.db, itemId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  const f = parseInput(ZUpdateAgendaItem, input);
  assertAgendaOpen(meeting);
  const fields = await agendaFields(ctx.db, forum.countyCode, f);
  return ctx.db.transaction(async (tx) => {
    if (!(await updateItemAgenda(tx, itemId, f.rowVersion, fields, ctx.clock.now()))) {
      throw conflict('forums.item_edited_by_someone_else', { current: (await findItem(tx, itemId)) ?? null });
    }
    const after = (await findItem(tx, itemId))!;
    await recordAudit(tx, ctx, { partyId: forum.ownerPartyId, action: 'meeting_item.update', targetType: 'meeting_item', targetId: itemId, before: itemAuditView(item), after: itemAuditView(after) });
    return after;
  });
}

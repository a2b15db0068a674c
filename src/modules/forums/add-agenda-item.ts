import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { agendaFields } from './agenda-fields.ts';
import { forumPolicy } from './forum-policy.ts';
import { assertAgendaOpen, itemAuditView, meetingRecord } from './minutes-access.ts';
import type { AgendaItem } from './minutes.ts';
import { findItem, insertItem } from './minutes-queries.ts';
import { ZAgendaItem } from './minutes-schemas.ts';

/** Adds an item at the end of a meeting's agenda (before the meeting is held). */
export async function addAgendaItem(ctx: Ctx, meetingId: string, input: unknown): Promise<AgendaItem> {
  const { meeting, forum, subject } = await meetingRecord(ctx.db, meetingId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  const f = parseInput(ZAgendaItem, input);
  assertAgendaOpen(meeting);
  const fields = await agendaFields(ctx.db, forum.countyCode, f);
  return ctx.db.transaction(async (tx) => {
    const id = await insertItem(tx, meetingId, fields, ctx.clock.now());
    const item = (await findItem(tx, id))!;
    await recordAudit(tx, ctx, { partyId: forum.ownerPartyId, action: 'meeting_item.add', targetType: 'meeting_item', targetId: id, after: { meeting_id: meetingId, ...itemAuditView(item) } });
    return item;
  });
}

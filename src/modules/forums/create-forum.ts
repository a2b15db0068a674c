import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { invalid, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { ZId } from '#platform/form-fields.ts';
import type { Forum } from './forum.ts';
import { forumAuditView } from './forum-access.ts';
import { createForumPolicy } from './forum-policy.ts';
import { countyExists, findForum, insertForum, regionPartyIds } from './forum-queries.ts';
import { ZCreateForum } from './forum-schemas.ts';

/** Sets up a standing forum of a cooperation region, coordinated by one of the region's parties. */
export async function createForum(ctx: Ctx, countyCode: string, input: unknown): Promise<Forum> {
  const raw = (input ?? {}) as { ownerPartyId?: unknown };
  const owner = ZId.safeParse(raw.ownerPartyId);
  assertCan(createForumPolicy, 'forum.create', ctx.actor, { ownerPartyId: owner.success ? owner.data : '' });
  const f = parseInput(ZCreateForum, input);
  const county = countyCode.toUpperCase();
  if (!(await countyExists(ctx.db, county))) throw notFound('parties.region_not_found');
  if (!(await regionPartyIds(ctx.db, county)).includes(f.ownerPartyId)) throw invalid([{ field: 'ownerPartyId', code: 'party_not_in_region' }]);
  return ctx.db.transaction(async (tx) => {
    const id = await insertForum(tx, county, f.ownerPartyId, f, ctx.clock.now());
    const forum = (await findForum(tx, id))!;
    await recordAudit(tx, ctx, { partyId: f.ownerPartyId, action: 'forum.create', targetType: 'forum', targetId: id, after: forumAuditView(forum) });
    return forum;
  });
}

import { isPlatformAdmin } from '#platform/actor.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { adminPartyIds, type AuditPage, type AuditScope } from './audit.ts';
import { auditPolicy } from './audit-policy.ts';
import { searchAuditEvents } from './audit-queries.ts';
import { ZAuditQuery } from './audit-schemas.ts';

/**
 * Browses the audit trail, newest first, filtered by party, action (prefix), actor text, target type and
 * Helsinki dates. A party administrator sees only the events of the parties they administer; asking for
 * another party is refused. Platform administrators see every event.
 */
export async function listAuditEvents(ctx: Ctx, query: unknown): Promise<AuditPage> {
  assertCan(auditPolicy, 'audit.browse', ctx.actor, { partyId: null });
  const q = parseInput(ZAuditQuery, query);
  if (q.party) assertCan(auditPolicy, 'audit.view_party', ctx.actor, { partyId: q.party });
  const scope: AuditScope = isPlatformAdmin(ctx.actor) ? { all: true } : { all: false, partyIds: adminPartyIds(ctx.actor) };
  const { items, total } = await searchAuditEvents(ctx.db, scope, q);
  return { items, total, limit: q.limit, offset: q.offset };
}

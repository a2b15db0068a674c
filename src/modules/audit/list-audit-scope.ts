import { isPlatformAdmin } from '#platform/actor.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { adminPartyIds } from './audit.ts';
import { auditPolicy } from './audit-policy.ts';
import { listPartyChoices } from './audit-queries.ts';

export interface AuditScopeChoices {
  /** True for platform administrators: "all" includes events that belong to no party. */
  all: boolean;
  parties: { id: string; name: { fi: string; sv: string; en: string } }[];
}

/** The parties the caller may pick in the audit filter: their own administered parties, or every party. */
export async function listAuditScope(ctx: Ctx): Promise<AuditScopeChoices> {
  assertCan(auditPolicy, 'audit.browse', ctx.actor, { partyId: null });
  const all = isPlatformAdmin(ctx.actor);
  return { all, parties: await listPartyChoices(ctx.db, all ? null : adminPartyIds(ctx.actor)) };
}

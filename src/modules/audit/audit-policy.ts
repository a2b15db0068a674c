import { hasPartyRole, isPlatformAdmin, type Actor } from '#platform/actor.ts';
import type { Policy } from '#platform/policy.ts';
import { adminPartyIds } from './audit.ts';

/**
 * Who may read the audit trail. A party's administrators see that party's events; platform administrators
 * see everything, including events that belong to no party (sign-ins, accounts, reference data).
 * Editors, approvers and viewers never browse it.
 */
export type AuditAbility = 'audit.browse' | 'audit.view_party' | 'audit.view_all';

export const auditPolicy: Policy<AuditAbility, { partyId: string | null }> = {
  'audit.browse': (a: Actor) => isPlatformAdmin(a) || adminPartyIds(a).length > 0,
  'audit.view_party': (a, s) => isPlatformAdmin(a) || (s.partyId !== null && hasPartyRole(a, s.partyId, 'admin')),
  'audit.view_all': (a) => isPlatformAdmin(a),
};

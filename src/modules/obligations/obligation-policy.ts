import { hasPartyRole, isPlatformAdmin } from '#platform/actor.ts';
import type { Policy } from '#platform/policy.ts';

export type ObligationAbility = 'obligation.record_negotiation' | 'obligation.record_document' | 'obligation.send_reminders' | 'obligation.edit_catalogue';

/**
 * Obligations, their status and evidence are public (the publicity principle). The county convenes the
 * negotiations: its editors record them (and correct or annul them). A party's own documents (its welfare report
 * and decision record) are recorded by that party's editors. Platform administrators may do both. Reminders
 * are the server's own scheduled work. The catalogue's texts are the platform administrators'.
 */
export const obligationPolicy: Policy<ObligationAbility, { partyId: string | null }> = {
  'obligation.record_negotiation': (a, s) => isPlatformAdmin(a) || (s.partyId !== null && hasPartyRole(a, s.partyId, 'editor')),
  'obligation.record_document': (a, s) => isPlatformAdmin(a) || (s.partyId !== null && hasPartyRole(a, s.partyId, 'editor')),
  'obligation.send_reminders': (a) => a.kind === 'system',
  // The catalogue is reference data for every region: platform administrators keep it.
  'obligation.edit_catalogue': (a) => isPlatformAdmin(a),
};

import { hasPartyRole, isPlatformAdmin, roleIn, type Actor } from '#platform/actor.ts';
import type { Policy } from '#platform/policy.ts';
import type { AgreementSubject, PartyActSubject } from './agreement-policy.ts';

/** The drafting team (the coordinating party's editors) moves the agreement into approval and back. */
const isDraftingTeam = (a: Actor, s: AgreementSubject) => a.kind === 'system' || hasPartyRole(a, s.coordinatingPartyId, 'editor');
const actsForAParty = (a: Actor, s: AgreementSubject) => isPlatformAdmin(a) || s.partyIds.some((p) => roleIn(a, p) !== undefined);

export type LifecycleAbility = 'agreement.send_to_approval' | 'agreement.return_to_draft' | 'agreement.view_approval';

export const lifecyclePolicy: Policy<LifecycleAbility, AgreementSubject> = {
  'agreement.send_to_approval': isDraftingTeam,
  'agreement.return_to_draft': isDraftingTeam,
  /** The coordinator's overview (with comment counts) and the parties' approval pages: the parties only. */
  'agreement.view_approval': actsForAParty,
};

const isPartyOf = (s: PartyActSubject) => s.agreement.partyIds.includes(s.partyId);

export type PartyApprovalAbility = 'approval.edit_chain' | 'approval.record_decision' | 'approval.sign';

/**
 * Each party decides and signs for itself only: its administrators set its approval chain; its decision
 * recorders (role approver, which administrators also hold) record its decisions and its signatures.
 * Platform administrators do not act for a party. The system (start-up demo seeding) may.
 */
export const partyApprovalPolicy: Policy<PartyApprovalAbility, PartyActSubject> = {
  'approval.edit_chain': (a, s) => isPartyOf(s) && (a.kind === 'system' || hasPartyRole(a, s.partyId, 'admin')),
  'approval.record_decision': (a, s) => isPartyOf(s) && (a.kind === 'system' || hasPartyRole(a, s.partyId, 'approver')),
  'approval.sign': (a, s) => isPartyOf(s) && (a.kind === 'system' || hasPartyRole(a, s.partyId, 'approver')),
};

/** Moving statuses by the calendar is the server's own job (start-up and a timer). */
export const statusJobPolicy: Policy<'agreement.update_statuses', null> = {
  'agreement.update_statuses': (a) => a.kind === 'system',
};

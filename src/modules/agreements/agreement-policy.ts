import { hasPartyRole, isPlatformAdmin, roleIn, type Actor } from '#platform/actor.ts';
import type { Policy } from '#platform/policy.ts';

/** What the rules need to know about an agreement. */
export interface AgreementSubject {
  countyCode: string;
  coordinatingPartyId: string;
  partyIds: readonly string[];
}

/** The drafting team: editors (and administrators) of the coordinating party; the start-up seeding as system. */
const isDraftingTeam = (a: Actor, s: AgreementSubject) => a.kind === 'system' || hasPartyRole(a, s.coordinatingPartyId, 'editor');

/** Anyone acting for one of the agreement's parties (any role), and platform administrators. */
const actsForAParty = (a: Actor, s: AgreementSubject) => isPlatformAdmin(a) || s.partyIds.some((p) => roleIn(a, p) !== undefined);

export type AgreementAbility =
  | 'agreement.view_draft'
  | 'agreement.view_comments'
  | 'agreement.edit'
  | 'agreement.publish_version'
  | 'agreement.manage_comment_round'
  | 'agreement.answer_comment'
  | 'agreement.record_presentation';

/**
 * Drafts and comments stay with the parties; only the coordinating party's editors change the draft,
 * publish versions, run the comment round and answer comments. (Public reading of published versions is
 * decided per version: see isPublicVersion in the queries.)
 */
export const agreementPolicy: Policy<AgreementAbility, AgreementSubject> = {
  'agreement.view_draft': actsForAParty,
  'agreement.view_comments': actsForAParty,
  'agreement.edit': isDraftingTeam,
  'agreement.publish_version': isDraftingTeam,
  'agreement.manage_comment_round': isDraftingTeam,
  'agreement.answer_comment': isDraftingTeam,
  'agreement.record_presentation': isDraftingTeam,
};

/** Acting for one party of the agreement: commenting and filing that party's statement. */
export interface PartyActSubject {
  agreement: AgreementSubject;
  partyId: string;
}

const isPartyOf = (s: PartyActSubject) => s.agreement.partyIds.includes(s.partyId);

export const commentPolicy: Policy<'agreement.comment' | 'agreement.file_statement', PartyActSubject> = {
  /** Editors of a party comment for that party only — an editor of Oulu cannot comment as Kempele. */
  'agreement.comment': (a, s) => isPartyOf(s) && hasPartyRole(a, s.partyId, 'editor'),
  /** The official statement is filed by the party's editors or by whoever records its decisions. */
  'agreement.file_statement': (a, s) => isPartyOf(s) && (hasPartyRole(a, s.partyId, 'editor') || hasPartyRole(a, s.partyId, 'approver')),
};

/** Starting an agreement: an editor of the party that will coordinate it (a party of the region). */
export const createPolicy: Policy<'agreement.create', { coordinatingPartyId: string }> = {
  'agreement.create': (a, s) => a.kind === 'system' || hasPartyRole(a, s.coordinatingPartyId, 'editor'),
};

/** A region's own template is kept by the county's editors. */
export const templatePolicy: Policy<'template.save', { countyPartyId: string }> = {
  'template.save': (a, s) => a.kind === 'system' || hasPartyRole(a, s.countyPartyId, 'editor'),
};

/** Strategic cooperation agreements: types and the rules that need no database. */
import { AppError } from '#platform/errors.ts';
import { helsinkiDate } from '#platform/clock.ts';

export const AGREEMENT_STATUSES = ['draft', 'comment_round', 'in_approval', 'signed_by_all', 'in_force', 'expired', 'superseded'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/**
 * The lifecycle. A comment round may send the draft back to drafting; approval may too (a party asks for
 * changes; see assertCanReturnToDraft in approval.ts). Everything else moves forward only. Transitions not listed are refused with
 * 'agreements.illegal_transition'.
 */
export const TRANSITIONS: Record<AgreementStatus, readonly AgreementStatus[]> = {
  draft: ['comment_round', 'in_approval'],
  comment_round: ['draft', 'in_approval'],
  in_approval: ['draft', 'signed_by_all'],
  // Back to approval when a signature or decision turns out to be a mistake before the entry into force.
  signed_by_all: ['in_force', 'in_approval'],
  in_force: ['expired', 'superseded'],
  // A successor whose entry into force is recorded after the end date (signed on the day after it) still supersedes.
  expired: ['superseded'],
  superseded: [],
};

export const canTransition = (from: AgreementStatus, to: AgreementStatus) => TRANSITIONS[from].includes(to);

export function assertTransition(from: AgreementStatus, to: AgreementStatus): void {
  if (!canTransition(from, to)) throw new AppError('agreements.illegal_transition', 'conflict', [], { from, to });
}

/** The working draft (sections, areas, forums, parties) may change only before approval starts. */
export const DRAFT_STATUSES: readonly AgreementStatus[] = ['draft', 'comment_round'];
export const isDraftEditable = (s: AgreementStatus) => DRAFT_STATUSES.includes(s);

export function assertDraftEditable(s: AgreementStatus): void {
  if (!isDraftEditable(s)) throw new AppError('agreements.not_editable', 'conflict', [], { status: s });
}

export const ENTRY_RULES = ['all_approved_and_signed'] as const;
export type EntryRule = (typeof ENTRY_RULES)[number];

/**
 * When the agreement enters into force under its rule: with every party approved and signed, from the later
 * of the last signature date and the start date; null while anyone has not signed. Dates 'YYYY-MM-DD'.
 */
export function entryIntoForceDate(
  rule: EntryRule,
  validFrom: string,
  parties: readonly { approved: boolean; signedOn: string | null }[],
): string | null {
  switch (rule) {
    case 'all_approved_and_signed': {
      if (parties.length === 0 || parties.some((p) => !p.approved || !p.signedOn)) return null;
      const last = parties.map((p) => p.signedOn!).sort().at(-1)!;
      return last > validFrom ? last : validFrom;
    }
  }
}

export const FORUM_LEVELS = ['political', 'managerial', 'operational'] as const;
export type ForumLevel = (typeof FORUM_LEVELS)[number];
export const FORUM_FREQUENCIES = ['once_per_council_term', 'yearly', 'quarterly', 'monthly', 'as_needed'] as const;
export type ForumFrequency = (typeof FORUM_FREQUENCIES)[number];
/** A forum member is one party, or a group of the agreement's parties. */
export const MEMBER_GROUPS = ['all', 'county', 'municipalities', 'regional_council'] as const;
export type MemberGroup = (typeof MEMBER_GROUPS)[number];

export const COMMENT_KINDS = ['comment', 'statement'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];
export const COMMENT_ANSWERS = ['accepted', 'partly_accepted', 'not_accepted'] as const;
export type CommentAnswer = (typeof COMMENT_ANSWERS)[number];

export interface Bilingual {
  fi: string;
  sv: string;
}

export interface PartyRef {
  id: string;
  code: string;
  type: 'municipality' | 'wellbeing_services_county' | 'city_of_helsinki' | 'regional_council';
  businessId: string | null;
  name: { fi: string; sv: string; en: string };
  language: 'fi' | 'sv' | 'fi-sv' | 'sv-fi';
}

export interface Agreement {
  id: string;
  countyCode: string;
  title: Bilingual;
  status: AgreementStatus;
  validFrom: string;
  /** null: until further notice. */
  validUntil: string | null;
  entryRule: EntryRule;
  predecessorId: string | null;
  coordinatingPartyId: string;
  approvalVersionId: string | null;
  /** Set when every party has approved and signed: the later of the last signature and the start date. */
  entersIntoForceOn: string | null;
  /** The earliest date a successor agreement (predecessor link to this one) enters into force, if any. */
  successorInForceOn: string | null;
  statusChangedAt: Date;
  rowVersion: number;
  partyIds: string[];
}

export interface Section {
  id: string;
  agreementId: string;
  position: number;
  templateKey: string | null;
  heading: Bilingual;
  body: Bilingual;
  rowVersion: number;
  modifiedAt: Date;
}

export interface Area {
  id: string;
  agreementId: string;
  position: number;
  name: Bilingual;
  description: Bilingual;
  countySide: Bilingual;
  municipalSide: Bilingual;
  regionalCouncilSide: Bilingual;
  rowVersion: number;
}

export interface ForumMember {
  id: string;
  forumId: string;
  partyId: string | null;
  group: MemberGroup | null;
  role: Bilingual;
  position: number;
}

export interface Forum {
  id: string;
  agreementId: string;
  position: number;
  name: Bilingual;
  level: ForumLevel;
  frequency: ForumFrequency;
  frequencyNote: Bilingual;
  purpose: Bilingual;
  /** The region's standing forum this line refers to (src/modules/forums). */
  standingForumId: string | null;
  rowVersion: number;
  members: ForumMember[];
}

export interface VersionInfo {
  id: string;
  agreementId: string;
  number: number;
  label: string;
  sha256: string;
  publishedAt: Date;
}

export interface CommentRound {
  id: string;
  agreementId: string;
  versionId: string;
  versionNumber: number;
  deadline: string;
  openedAt: Date;
  closedAt: Date | null;
  rowVersion: number;
}

export interface AgreementComment {
  id: string;
  roundId: string;
  partyId: string;
  kind: CommentKind;
  sectionId: string | null;
  lang: 'fi' | 'sv';
  body: string;
  authorName: string | null;
  createdAt: Date;
  withdrawnAt: Date | null;
  replacesId: string | null;
  answer: CommentAnswer | null;
  answerReasoning: string;
  answeredAt: Date | null;
  rowVersion: number;
}

export interface Presentation {
  id: string;
  agreementId: string;
  versionId: string;
  versionNumber: number;
  forumId: string | null;
  forumName: string;
  presentedOn: string;
  note: string;
  /** Set when the presentation was an item of a forum meeting (then `note` is the meeting's title). */
  meetingId?: string | null;
}

/** Comments are accepted until the end of the deadline day in Helsinki, and only while the round is open. */
export function commentWindow(round: Pick<CommentRound, 'deadline' | 'closedAt'>, now: Date): 'open' | 'deadline_passed' | 'closed' {
  if (round.closedAt) return 'closed';
  return helsinkiDate(now) > round.deadline ? 'deadline_passed' : 'open';
}

export function assertCommentWindowOpen(round: Pick<CommentRound, 'deadline' | 'closedAt'>, now: Date): void {
  const w = commentWindow(round, now);
  if (w === 'closed') throw new AppError('agreements.comment_round_closed', 'conflict');
  if (w === 'deadline_passed') throw new AppError('agreements.comment_deadline_passed', 'conflict', [], { deadline: round.deadline });
}

/** Parties with Swedish-speaking residents in scope: then every section needs its Swedish text too. */
export const needsSwedish = (parties: readonly Pick<PartyRef, 'language'>[]) => parties.some((p) => p.language !== 'fi');

/** Sections whose Swedish heading or body is missing (only meaningful when needsSwedish). */
export function sectionsLackingSwedish(sections: readonly Pick<Section, 'id' | 'heading' | 'body'>[]): string[] {
  return sections.filter((s) => !s.heading.sv.trim() || (s.body.fi.trim() !== '' && !s.body.sv.trim())).map((s) => s.id);
}

/** Group names used in agreement texts (content languages fi/sv). */
export const MEMBER_GROUP_NAMES: Record<MemberGroup, Bilingual> = {
  all: { fi: 'Kaikki osapuolet', sv: 'Alla parter' },
  county: { fi: 'Hyvinvointialue', sv: 'Välfärdsområdet' },
  municipalities: { fi: 'Kunnat', sv: 'Kommunerna' },
  regional_council: { fi: 'Maakunnan liitto', sv: 'Landskapsförbundet' },
};

/** The account behind an actor, for created_by / modified_by columns. */
export const actorUserId = (a: { kind: string; userId?: string }): string | null => (a.kind === 'user' ? (a.userId ?? null) : null);

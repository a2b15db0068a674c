/** Forums: standing bodies of a cooperation region, their members and meetings. Types and pure rules. */
export const FORUM_LEVELS = ['political', 'managerial', 'operational_network', 'working_group'] as const;
export type ForumLevel = (typeof FORUM_LEVELS)[number];
export const FORUM_FREQUENCIES = ['once_per_council_term', 'yearly', 'quarterly', 'monthly', 'as_needed'] as const;
export type ForumFrequency = (typeof FORUM_FREQUENCIES)[number];
export const MEMBER_ROLES = ['chair', 'vice_chair', 'secretary', 'member', 'deputy', 'expert'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const MEMBER_GROUPS = ['all', 'county', 'municipalities', 'regional_council'] as const;
export type MemberGroup = (typeof MEMBER_GROUPS)[number];
/** Roles whose holders (with an account) manage the forum's meetings. */
export const MANAGING_ROLES: readonly MemberRole[] = ['chair', 'secretary'];

export interface Localised {
  fi: string;
  sv: string;
}

/** A name or title in a language: Swedish where written, otherwise (and in English) Finnish. */
export const nameIn = (n: Localised, lang: 'fi' | 'sv' | 'en') => (lang === 'sv' && n.sv.trim() ? n.sv : n.fi);

export interface ForumMember {
  id: string;
  forumId: string;
  partyId: string | null;
  group: MemberGroup | null;
  personName: string | null;
  email: string | null;
  userId: string | null;
  role: MemberRole;
  roleNote: Localised;
  deputyOf: string | null;
  position: number;
}

export interface Forum {
  id: string;
  countyCode: string;
  ownerPartyId: string;
  name: Localised;
  level: ForumLevel;
  endsOn: string | null;
  mandate: Localised;
  frequency: ForumFrequency;
  frequencyNote: Localised;
  isPublic: boolean;
  /** The agreement forum line it came from, when it was moved out of an agreement. */
  sourceAgreementForumId: string | null;
  rowVersion: number;
  members: ForumMember[];
}

/** What the agreement's forum lines say about this forum: which agreements refer to it. */
export interface ForumAgreementRef {
  agreementId: string;
  agreementTitle: string;
  lineName: string;
}

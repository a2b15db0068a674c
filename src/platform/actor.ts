/**
 * Who is acting. Every use case receives one and checks its module's policy before anything else.
 */
export const PARTY_ROLES = ['admin', 'editor', 'approver', 'viewer'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export interface Membership {
  partyId: string;
  role: PartyRole;
}

export type Actor =
  | { kind: 'public' }
  | {
      kind: 'user';
      userId: string;
      displayName: string;
      isPlatformAdmin: boolean;
      memberships: readonly Membership[];
    }
  | { kind: 'token'; tokenId: string; name: string; partyId: string; role: PartyRole }
  /** The command line and start-up seeding: trusted operator on the server. */
  | { kind: 'system'; label: string };

export const PUBLIC: Actor = { kind: 'public' };

/** What each role includes: an administrator may also edit, approve and view; editor and approver may view. */
const IMPLIES: Record<PartyRole, readonly PartyRole[]> = {
  admin: ['admin', 'editor', 'approver', 'viewer'],
  editor: ['editor', 'viewer'],
  approver: ['approver', 'viewer'],
  viewer: ['viewer'],
};

export function roleIn(actor: Actor, partyId: string): PartyRole | undefined {
  if (actor.kind === 'user') return actor.memberships.find((m) => m.partyId === partyId)?.role;
  if (actor.kind === 'token') return actor.partyId === partyId ? actor.role : undefined;
  return undefined;
}

/** True when the actor holds `role` (or a role that includes it) in the party. */
export function hasPartyRole(actor: Actor, partyId: string, role: PartyRole): boolean {
  const held = roleIn(actor, partyId);
  return held !== undefined && IMPLIES[held].includes(role);
}

export function isPlatformAdmin(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.isPlatformAdmin);
}

export function isSignedIn(actor: Actor): boolean {
  return actor.kind !== 'public';
}

/** Text stored in the audit trail for the actor. */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'public':
      return 'public';
    case 'user':
      return actor.displayName;
    case 'token':
      return `token:${actor.name}`;
    case 'system':
      return `system:${actor.label}`;
  }
}

import type { Actor, Membership, PartyRole } from '#platform/actor.ts';

export interface User {
  id: string;
  email: string;
  displayName: string;
  title: string | null;
  isPlatformAdmin: boolean;
  preferredLang: 'fi' | 'sv' | 'en';
  disabled: boolean;
}

export interface UserWithMemberships extends User {
  memberships: Membership[];
}

export interface SignedInSession {
  /** The secret for the cookie; only its SHA-256 is stored. */
  token: string;
  csrfToken: string;
  userId: string;
  expiresAt: Date;
}

export function actorOf(u: UserWithMemberships): Actor {
  return { kind: 'user', userId: u.id, displayName: u.displayName, isPlatformAdmin: u.isPlatformAdmin, memberships: u.memberships };
}

export type { PartyRole };

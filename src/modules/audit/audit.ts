import type { Actor } from '#platform/actor.ts';

/** One row of the audit trail as read back for browsing. */
export interface AuditEvent {
  id: number;
  occurredAt: Date;
  actor: { label: string; userId: string | null; tokenId: string | null };
  party: { id: string; name: { fi: string; sv: string; en: string } } | null;
  /** Stable action code, e.g. 'party.update'; the web layer puts it in words. */
  action: string;
  target: { type: string; id: string | null; label: string | null };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

export interface AuditPage {
  items: AuditEvent[];
  total: number;
  limit: number;
  offset: number;
}

/** The parties whose events the actor may browse: `all` for platform administrators (every party and platform-wide events). */
export type AuditScope = { all: true } | { all: false; partyIds: string[] };

/** Parties where the actor is an administrator (a user's admin memberships, or an admin API token's party). */
export function adminPartyIds(actor: Actor): string[] {
  if (actor.kind === 'user') return actor.memberships.filter((m) => m.role === 'admin').map((m) => m.partyId);
  if (actor.kind === 'token') return actor.role === 'admin' ? [actor.partyId] : [];
  return [];
}

/** Escapes LIKE wildcards so user text matches literally. */
export function likeLiteral(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

import type { Actor } from '#platform/actor.ts';
import { sha256 } from '#platform/auth/secrets.ts';
import type { Clock } from '#platform/clock.ts';
import type { Sql } from '#platform/db/db.ts';
import { findLiveSession, loadUserWithMemberships } from './account-queries.ts';
import { actorOf, type UserWithMemberships } from './account.ts';

export interface ResolvedSession {
  actor: Actor;
  user: UserWithMemberships;
  csrfToken: string;
}

/** Turns a session cookie into the acting user; undefined when the session is unknown, expired or the user disabled. */
export async function resolveSession(db: Sql, clock: Clock, token: string | undefined): Promise<ResolvedSession | undefined> {
  if (!token || token.length > 100) return undefined;
  const s = await findLiveSession(db, sha256(token), clock.now());
  if (!s) return undefined;
  const user = await loadUserWithMemberships(db, s.userId);
  if (!user) return undefined;
  return { actor: actorOf(user), user, csrfToken: s.csrfToken };
}

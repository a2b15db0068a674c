import type { Actor } from '#platform/actor.ts';
import { sha256 } from '#platform/auth/secrets.ts';
import type { Clock } from '#platform/clock.ts';
import type { Sql } from '#platform/db/db.ts';
import { deleteSession, findSession, loadUserWithMemberships, touchSession } from './account-queries.ts';
import { actorOf, type UserWithMemberships } from './account.ts';

export interface ResolvedSession {
  actor: Actor;
  user: UserWithMemberships;
  csrfToken: string;
}

/** Default idle timeout (SESSION_IDLE_MINUTES): ASVS L2 asks for one besides the absolute lifetime. */
export const DEFAULT_SESSION_IDLE_MINUTES = 30;
/** Last use is written at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Turns a session cookie into the acting user; undefined when the session is unknown, past its absolute
 * lifetime, unused for longer than `idleMinutes`, or the user disabled. An ended session is deleted, so it
 * cannot come back. A live one is marked used.
 */
export async function resolveSession(
  db: Sql,
  clock: Clock,
  token: string | undefined,
  idleMinutes: number = DEFAULT_SESSION_IDLE_MINUTES,
): Promise<ResolvedSession | undefined> {
  if (!token || token.length > 100) return undefined;
  const idHash = sha256(token);
  const s = await findSession(db, idHash);
  if (!s) return undefined;
  const now = clock.now();
  if (s.expiresAt.getTime() <= now.getTime() || now.getTime() - s.lastUsedAt.getTime() > idleMinutes * 60_000) {
    await deleteSession(db, idHash);
    return undefined;
  }
  if (now.getTime() - s.lastUsedAt.getTime() >= TOUCH_EVERY_MS) await touchSession(db, idHash, now);
  const user = await loadUserWithMemberships(db, s.userId);
  if (!user) return undefined;
  return { actor: actorOf(user), user, csrfToken: s.csrfToken };
}

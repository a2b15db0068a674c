import type { Actor } from '#platform/actor.ts';
import { sha256 } from '#platform/auth/secrets.ts';
import type { Clock } from '#platform/clock.ts';
import type { Sql } from '#platform/db/db.ts';
import { findTokenByHash, touchTokenLastUsed } from './token-queries.ts';
import { TOKEN_PATTERN, tokenStatus } from './token.ts';

/**
 * Turns a bearer token into the actor it stands for: one party, one role. Unknown, expired and revoked
 * tokens give undefined. Use is recorded in last_used_at at most once a minute.
 */
export async function resolveApiToken(db: Sql, clock: Clock, token: string): Promise<(Actor & { kind: 'token' }) | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const t = await findTokenByHash(db, sha256(token));
  const now = clock.now();
  if (!t || tokenStatus(t, now) !== 'active') return undefined;
  if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() >= 60_000) await touchTokenLastUsed(db, t.id, now);
  return { kind: 'token', tokenId: t.id, name: t.name, partyId: t.partyId, role: t.role };
}

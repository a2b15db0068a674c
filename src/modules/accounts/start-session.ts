import { randomToken, sha256 } from '#platform/auth/secrets.ts';
import type { Ctx } from '#platform/context.ts';
import type { Tx } from '#platform/db/db.ts';
import { insertSession } from './account-queries.ts';
import type { SignedInSession } from './account.ts';

/** Internal to the module: opens a session row for a user who has proven who they are. */
export async function startSession(
  tx: Tx,
  ctx: Pick<Ctx, 'clock'>,
  userId: string,
  authMethod: 'password' | 'oidc',
  sessionDays: number,
): Promise<SignedInSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + sessionDays * 24 * 3600 * 1000);
  await insertSession(tx, { idHash: sha256(token), userId, csrfToken, authMethod, expiresAt }, now);
  return { token, csrfToken, userId, expiresAt };
}

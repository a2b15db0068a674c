import { recordAudit } from '#platform/audit.ts';
import { sha256 } from '#platform/auth/secrets.ts';
import type { Ctx } from '#platform/context.ts';
import { deleteSession } from './account-queries.ts';

/** Ends the session server-side (the cookie alone is worth nothing afterwards). */
export async function signOut(ctx: Ctx, token: string | undefined): Promise<void> {
  if (!token) return;
  await ctx.db.transaction(async (tx) => {
    const userId = await deleteSession(tx, sha256(token));
    if (userId) await recordAudit(tx, ctx, { partyId: null, action: 'session.sign_out', targetType: 'user', targetId: userId });
  });
}

import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { tokenPolicy } from './token-policy.ts';
import { findTokenById, markTokenRevoked } from './token-queries.ts';
import type { ApiToken } from './token.ts';

/** Revokes a token at once: its next request is refused. Revoking a revoked token changes nothing. */
export async function revokeApiToken(ctx: Ctx, tokenId: string): Promise<ApiToken> {
  const existing = await findTokenById(ctx.db, tokenId);
  if (!existing) throw notFound('tokens.not_found');
  assertCan(tokenPolicy, 'token.manage', ctx.actor, { partyId: existing.partyId });
  return ctx.db.transaction(async (tx) => {
    if (await markTokenRevoked(tx, tokenId, ctx.clock.now())) {
      await recordAudit(tx, ctx, {
        partyId: existing.partyId,
        action: 'api_token.revoke',
        targetType: 'api_token',
        targetId: tokenId,
        before: { name: existing.name, role: existing.role, prefix: existing.prefix },
      });
    }
    return (await findTokenById(tx, tokenId))!;
  });
}

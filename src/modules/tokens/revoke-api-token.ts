import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { notFound, unauthenticated } from '#platform/errors.ts';
import { can } from '#platform/policy.ts';
import { tokenPolicy } from './token-policy.ts';
import { findTokenById, markTokenRevoked } from './token-queries.ts';
import type { ApiToken } from './token.ts';

/**
 * Revokes a token at once: its next request is refused. Revoking a revoked token changes nothing. Another
 * party's token is not found, like an unknown id: whether an id exists is not told to those who may not manage it.
 */
export async function revokeApiToken(ctx: Ctx, tokenId: string): Promise<ApiToken> {
  if (ctx.actor.kind === 'public') throw unauthenticated();
  const existing = await findTokenById(ctx.db, tokenId);
  if (!existing || !can(tokenPolicy, 'token.manage', ctx.actor, { partyId: existing.partyId })) throw notFound('tokens.not_found');
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

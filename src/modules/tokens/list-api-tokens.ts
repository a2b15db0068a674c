import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { tokenPolicy } from './token-policy.ts';
import { listTokensOfParty } from './token-queries.ts';
import type { ApiToken } from './token.ts';

/** A party's API tokens (active, expired and revoked), for that party's administrators. */
export async function listApiTokens(ctx: Ctx, partyId: string): Promise<ApiToken[]> {
  assertCan(tokenPolicy, 'token.manage', ctx.actor, { partyId });
  return listTokensOfParty(ctx.db, partyId);
}

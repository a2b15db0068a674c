import { isPlatformAdmin } from '#platform/actor.ts';
import type { Ctx } from '#platform/context.ts';
import { forbidden, unauthenticated } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { tokenPolicy } from './token-policy.ts';
import { listPartyChoices, listTokensOfParty } from './token-queries.ts';
import { tokenStatus, type ApiToken, type TokenStatus } from './token.ts';

export interface TokenOverview {
  /** Parties whose tokens the actor manages: those they administer, or every active party for a platform administrator. */
  parties: { id: string; name: { fi: string; sv: string; en: string } }[];
  /** The party shown: the one asked for, or the only one there is. */
  partyId: string | null;
  tokens: (ApiToken & { status: TokenStatus })[];
}

/** The API token page: which parties the actor can pick, and the tokens of the chosen one. */
export async function getTokenOverview(ctx: Ctx, partyId: string | null): Promise<TokenOverview> {
  const a = ctx.actor;
  if (a.kind === 'public') throw unauthenticated();
  if (a.kind === 'token') throw forbidden();
  const ids = isPlatformAdmin(a) ? 'all' : a.kind === 'user' ? a.memberships.filter((m) => m.role === 'admin').map((m) => m.partyId) : [];
  const rows = await listPartyChoices(ctx.db, ids);
  if (rows.length === 0) throw forbidden();
  const parties = rows.map((r) => ({ id: r.id, name: { fi: r.name_fi, sv: r.name_sv, en: r.name_en } }));
  const chosen = parties.find((p) => p.id === partyId)?.id ?? (parties.length === 1 ? parties[0]!.id : null);
  if (!chosen) return { parties, partyId: null, tokens: [] };
  assertCan(tokenPolicy, 'token.manage', a, { partyId: chosen });
  const now = ctx.clock.now();
  const tokens = (await listTokensOfParty(ctx.db, chosen)).map((t) => ({ ...t, status: tokenStatus(t, now) }));
  return { parties, partyId: chosen, tokens };
}

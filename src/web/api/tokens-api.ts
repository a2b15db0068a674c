import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken, tokenStatus, ZCreateApiToken, type ApiToken } from '#modules/tokens/index.ts';
import { PARTY_ROLES } from '#platform/actor.ts';
import { op } from './define.ts';

const ZApiTokenOut = z
  .object({
    id: z.string().uuid(),
    partyId: z.string().uuid(),
    name: z.string(),
    prefix: z.string().describe('The start of the token (kp_xxxxxxxx), to tell tokens apart; the secret is never shown again'),
    role: z.enum(PARTY_ROLES),
    status: z.enum(['active', 'expired', 'revoked']),
    createdAt: z.string().describe('ISO 8601'),
    createdBy: z.string().nullable(),
    lastUsedAt: z.string().nullable().describe('Updated at most once a minute'),
    expiresAt: z.string().nullable().describe('The token is refused from this moment on; null = no expiry'),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const tokenOut = (t: ApiToken, now: Date): z.infer<typeof ZApiTokenOut> => ({
  id: t.id,
  partyId: t.partyId,
  name: t.name,
  prefix: t.prefix,
  role: t.role,
  status: tokenStatus(t, now),
  createdAt: t.createdAt.toISOString(),
  createdBy: t.createdByName,
  lastUsedAt: iso(t.lastUsedAt),
  expiresAt: iso(t.expiresAt),
  revokedAt: iso(t.revokedAt),
});

const ZPartyParams = z.object({ id: z.string().uuid('invalid_uuid') });

/** API tokens are managed by the party's administrators (signed in; a token cannot manage tokens). */
export const tokenOperations = [
  op({
    operationId: 'listApiTokens',
    method: 'get',
    path: '/parties/:id/tokens',
    tag: 'tokens',
    summary: 'A party’s API tokens (active, expired and revoked); for the party’s administrators',
    security: 'authenticated',
    params: ZPartyParams,
    response: z.object({ items: z.array(ZApiTokenOut), total: z.number().int(), next: z.string().nullable() }).meta({ id: 'ApiTokenList' }),
    handler: async (ctx, { params }) => {
      const items = await listApiTokens(ctx, params.id);
      const now = ctx.clock.now();
      return { items: items.map((t) => tokenOut(t, now)), total: items.length, next: null };
    },
  }),
  op({
    operationId: 'createApiToken',
    method: 'post',
    path: '/parties/:id/tokens',
    tag: 'tokens',
    summary: 'Create an API token for the party with one role; the secret is in this response only',
    security: 'authenticated',
    params: ZPartyParams,
    body: ZCreateApiToken,
    status: 201,
    errors: [404],
    response: z
      .object({
        token: ZApiTokenOut,
        secret: z.string().describe('Send as `Authorization: Bearer <secret>`. Stored only as a hash: it cannot be shown again.'),
      })
      .meta({ id: 'CreatedApiToken' }),
    handler: async (ctx, { params, body }) => {
      const res = await createApiToken(ctx, params.id, body);
      return { token: tokenOut(res.token, ctx.clock.now()), secret: res.secret };
    },
  }),
  op({
    operationId: 'revokeApiToken',
    method: 'delete',
    path: '/tokens/:id',
    tag: 'tokens',
    summary: 'Revoke an API token; requests with it are refused from then on',
    security: 'authenticated',
    params: z.object({ id: z.string().uuid('invalid_uuid') }),
    status: 204,
    errors: [404],
    response: z.null(),
    handler: async (ctx, { params }) => {
      await revokeApiToken(ctx, params.id);
      return null;
    },
  }),
];

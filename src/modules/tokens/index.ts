export * from './token.ts';
export { ZCreateApiToken, type TCreateApiToken } from './token-schemas.ts';
export { tokenPolicy, type TokenAbility } from './token-policy.ts';
export { createApiToken } from './create-api-token.ts';
export { listApiTokens } from './list-api-tokens.ts';
export { getTokenOverview, type TokenOverview } from './get-token-overview.ts';
export { revokeApiToken } from './revoke-api-token.ts';
export { resolveApiToken } from './resolve-api-token.ts';

import { recordAudit } from '#platform/audit.ts';
import { sha256 } from '#platform/auth/secrets.ts';
import { helsinkiDate } from '#platform/clock.ts';
import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { tokenPolicy } from './token-policy.ts';
import { insertApiToken, partyExists } from './token-queries.ts';
import { createApiTokenSchema } from './token-schemas.ts';
import { endOfHelsinkiDay, newTokenSecret, type ApiToken } from './token.ts';

/**
 * Creates an API token for one party with one role. The secret is returned this once; the database keeps
 * only its SHA-256 and the short prefix shown in lists.
 */
export async function createApiToken(ctx: Ctx, partyId: string, input: unknown): Promise<{ token: ApiToken; secret: string }> {
  assertCan(tokenPolicy, 'token.manage', ctx.actor, { partyId });
  const now = ctx.clock.now();
  const f = parseInput(createApiTokenSchema(helsinkiDate(now)), input);
  const expiresAt = f.expiresOn ? endOfHelsinkiDay(f.expiresOn) : null;
  const { token: secret, prefix } = newTokenSecret();
  return ctx.db.transaction(async (tx) => {
    if (!(await partyExists(tx, partyId))) throw notFound('parties.not_found');
    const token = await insertApiToken(
      tx,
      {
        partyId,
        role: f.role,
        name: f.name,
        tokenHash: sha256(secret),
        tokenPrefix: prefix,
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        expiresAt,
      },
      now,
    );
    await recordAudit(tx, ctx, {
      partyId,
      action: 'api_token.create',
      targetType: 'api_token',
      targetId: token.id,
      after: { name: token.name, role: token.role, prefix: token.prefix, expires_at: expiresAt?.toISOString() ?? null },
    });
    return { token, secret };
  });
}

import { recordAudit } from '#platform/audit.ts';
import { hashPassword } from '#platform/auth/password.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { accountPolicy } from './account-policy.ts';
import { findUserByEmail, insertUser, upsertMembership } from './account-queries.ts';
import type { TCreateUser } from './account-schemas.ts';
import { ZCreateUser } from './account-schemas.ts';
import type { User } from './account.ts';

/** Creates a local account (argon2id password, optional) with its party memberships. Platform administrators only. */
export async function createUser(ctx: Ctx, input: TCreateUser): Promise<User> {
  assertCan(accountPolicy, 'user.create', ctx.actor, null);
  const u = parseInput(ZCreateUser, input);
  const passwordHash = u.password ? await hashPassword(u.password) : null;
  return ctx.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, u.email)) throw new AppError('accounts.email_taken', 'conflict', [{ field: 'email', code: 'email_taken' }]);
    const now = ctx.clock.now();
    const user = await insertUser(tx, { ...u, passwordHash }, now);
    await recordAudit(tx, ctx, {
      partyId: null,
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      after: { email: user.email, display_name: user.displayName, is_platform_admin: user.isPlatformAdmin },
    });
    for (const m of u.memberships) {
      await upsertMembership(tx, user.id, m.partyId, m.role, now);
      await recordAudit(tx, ctx, {
        partyId: m.partyId,
        action: 'membership.grant',
        targetType: 'user',
        targetId: user.id,
        after: { role: m.role },
      });
    }
    return user;
  });
}

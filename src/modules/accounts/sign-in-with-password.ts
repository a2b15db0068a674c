import { recordAudit } from '#platform/audit.ts';
import { burnPasswordCheck, verifyPassword } from '#platform/auth/password.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError } from '#platform/errors.ts';
import { parseInput } from '#platform/validation.ts';
import { findUserByEmail } from './account-queries.ts';
import { ZSignIn } from './account-schemas.ts';
import type { SignedInSession } from './account.ts';
import { startSession } from './start-session.ts';

/** Checks e-mail and password (argon2id) and opens a server-side session. Wrong details give one generic error. */
export async function signInWithPassword(ctx: Ctx, input: unknown, sessionDays: number): Promise<SignedInSession> {
  const { email, password } = parseInput(ZSignIn, input);
  const user = await findUserByEmail(ctx.db, email);
  if (!user || !user.passwordHash || user.disabled) {
    await burnPasswordCheck(password);
    throw new AppError('auth.invalid_credentials', 'unauthenticated');
  }
  if (!(await verifyPassword(user.passwordHash, password))) throw new AppError('auth.invalid_credentials', 'unauthenticated');
  return ctx.db.transaction(async (tx) => {
    const session = await startSession(tx, ctx, user.id, 'password', sessionDays);
    await recordAudit(tx, { ...ctx, actor: { kind: 'user', userId: user.id, displayName: user.displayName, isPlatformAdmin: user.isPlatformAdmin, memberships: [] } }, {
      partyId: null,
      action: 'session.sign_in',
      targetType: 'user',
      targetId: user.id,
      after: { method: 'password' },
    });
    return session;
  });
}

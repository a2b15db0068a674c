import { PUBLIC } from '#platform/actor.ts';
import { recordAudit } from '#platform/audit.ts';
import { burnPasswordCheck, verifyPassword } from '#platform/auth/password.ts';
import { sha256 } from '#platform/auth/secrets.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError } from '#platform/errors.ts';
import { hitRateLimit, peekRateLimit, resetRateLimit, type RateLimit } from '#platform/rate-limit.ts';
import { parseInput } from '#platform/validation.ts';
import { findUserByEmail } from './account-queries.ts';
import { ZSignIn } from './account-schemas.ts';
import type { SignedInSession } from './account.ts';
import { startSession } from './start-session.ts';

/** Failed sign-ins to one account (its normalised e-mail, from any address) in 15 minutes before it is throttled. */
export const DEFAULT_ACCOUNT_SIGN_IN_LIMIT = 20;
const accountRule = (limit: number): RateLimit => ({ name: 'sign-in-account', windowMs: 15 * 60 * 1000, limit });

/**
 * Checks e-mail and password (argon2id) and opens a server-side session. Wrong details give one generic error
 * and an audit event (`session.sign_in_failed`, without the password); after `accountLimit` failures to one
 * account in 15 minutes, it is throttled whatever the password, until the window ends (shared by all instances).
 */
export async function signInWithPassword(ctx: Ctx, input: unknown, sessionDays: number, opts: { accountLimit?: number } = {}): Promise<SignedInSession> {
  const { email, password } = parseInput(ZSignIn, input);
  const rule = accountRule(opts.accountLimit ?? DEFAULT_ACCOUNT_SIGN_IN_LIMIT);
  const accountKey = sha256(email);
  const throttle = await peekRateLimit(ctx.db, ctx.clock, rule, accountKey);
  if (throttle.limited) {
    ctx.log.warn('sign-in throttled for the account', { event: 'auth.sign_in_throttled', account: accountKey.slice(0, 16) });
    throw new AppError('auth.account_rate_limited', 'rate_limited', [], { retryAfterSeconds: throttle.retryAfterSeconds });
  }
  const user = await findUserByEmail(ctx.db, email);
  const fail = async (reason: string) => {
    await ctx.db.transaction(async (tx) => {
      await hitRateLimit(tx, ctx.clock, rule, accountKey);
      await recordAudit(tx, { ...ctx, actor: PUBLIC }, {
        partyId: null,
        action: 'session.sign_in_failed',
        targetType: 'user',
        targetId: user?.id ?? null,
        after: { method: 'password', reason, ...(user ? { email } : {}) },
      });
    });
    ctx.log.warn('sign-in failed', { event: 'auth.sign_in_failed', reason, userId: user?.id ?? null });
    throw new AppError('auth.invalid_credentials', 'unauthenticated');
  };
  if (!user || !user.passwordHash || user.disabled) {
    await burnPasswordCheck(password);
    return fail(!user ? 'unknown_account' : user.disabled ? 'disabled' : 'no_password');
  }
  if (!(await verifyPassword(user.passwordHash, password))) return fail('wrong_password');
  return ctx.db.transaction(async (tx) => {
    await resetRateLimit(tx, rule, accountKey);
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

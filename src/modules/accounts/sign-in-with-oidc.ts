import type { Actor } from '#platform/actor.ts';
import { recordAudit } from '#platform/audit.ts';
import type { OidcIdentity } from '#platform/auth/oidc.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError } from '#platform/errors.ts';
import { findUserByEmail, findUserByOidc, linkUserOidc } from './account-queries.ts';
import type { SignedInSession, User } from './account.ts';
import { startSession } from './start-session.ts';

/**
 * Opens a session for someone the organisation's identity provider (Entra ID, Suomi.fi) has identified.
 * The account is found by (issuer, subject); failing that by a *verified* e-mail address, and then the
 * identity is stored on the account so later sign-ins no longer depend on the address.
 * Accounts are never created here: no account → 'auth.oidc_no_account'.
 */
export async function signInWithOidc(ctx: Ctx, identity: OidcIdentity, sessionDays: number): Promise<SignedInSession> {
  const { issuer, subject } = identity;
  if (!issuer || !subject) throw new AppError('auth.oidc_failed', 'unauthenticated');
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    let user: User | undefined = await findUserByOidc(tx, issuer, subject);
    let linked = false;
    if (!user && identity.email && identity.emailVerified) {
      const byEmail = await findUserByEmail(tx, identity.email);
      if (byEmail && !byEmail.disabled && (await linkUserOidc(tx, byEmail.id, issuer, subject, now))) {
        user = byEmail;
        linked = true;
      }
    }
    if (!user || user.disabled) throw new AppError('auth.oidc_no_account', 'unauthenticated');
    const session = await startSession(tx, ctx, user.id, 'oidc', sessionDays);
    const actor: Actor = { kind: 'user', userId: user.id, displayName: user.displayName, isPlatformAdmin: user.isPlatformAdmin, memberships: [] };
    const actx = { ...ctx, actor };
    if (linked) {
      await recordAudit(tx, actx, { partyId: null, action: 'user.link_oidc', targetType: 'user', targetId: user.id, after: { issuer } });
    }
    await recordAudit(tx, actx, { partyId: null, action: 'session.sign_in', targetType: 'user', targetId: user.id, after: { method: 'oidc' } });
    return session;
  });
}

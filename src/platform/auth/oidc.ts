import * as oidc from 'openid-client';
import type { Config } from '../config.ts';

/** What the identity provider told us about the person (ID token, completed from userinfo when needed). */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/** Kept between the redirect to the provider and the callback (in a sealed, short-lived cookie). */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcClient {
  /** The provider's authorization URL (code flow, PKCE S256, state, nonce) and what to keep until the callback. */
  start(redirectUri: string): Promise<{ url: URL; pending: PendingLogin }>;
  /** Checks the callback (state, PKCE, nonce, ID token signature and claims) and returns who signed in. */
  finish(callbackUrl: URL, pending: PendingLogin): Promise<OidcIdentity>;
}

/**
 * An OpenID Connect relying party for one provider (Entra ID for municipalities, Suomi.fi for the state, or any
 * standard provider). Discovery happens on first use and is retried after a failure, so a provider that is down
 * at start-up does not stop the service.
 */
export function createOidcClient(cfg: NonNullable<Config['oidc']>): OidcClient {
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= oidc
      .discovery(
        new URL(cfg.issuer),
        cfg.clientId,
        cfg.clientSecret,
        cfg.clientSecret ? oidc.ClientSecretPost(cfg.clientSecret) : oidc.None(),
        cfg.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((e: unknown) => {
        discovered = undefined;
        throw e;
      });
    return discovered;
  };

  return {
    async start(redirectUri) {
      const config = await configuration();
      const pending: PendingLogin = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: 'openid email profile',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url, pending };
    },
    async finish(callbackUrl, pending) {
      const config = await configuration();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      let info: Record<string, unknown> = claims;
      // Providers that follow the specification strictly put e-mail only in userinfo.
      if (claims.email === undefined && tokens.access_token && config.serverMetadata().userinfo_endpoint) {
        info = { ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
      }
      const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
      return {
        issuer: claims.iss,
        subject: claims.sub,
        email: str(info.email),
        emailVerified: info.email_verified === true || info.email_verified === 'true',
        name: str(info.name),
      };
    },
  };
}

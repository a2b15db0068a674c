import { randomBytes } from 'node:crypto';
import { TIME_ZONE } from '#platform/clock.ts';
import type { PartyRole } from '#platform/actor.ts';

/** An API token as its party's administrators see it. The secret is never stored, only its SHA-256. */
export interface ApiToken {
  id: string;
  partyId: string;
  role: PartyRole;
  name: string;
  /** Shown so people can tell tokens apart: 'kp_1a2b3c4d'. */
  prefix: string;
  createdAt: Date;
  createdByName: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export type TokenStatus = 'active' | 'expired' | 'revoked';

export function tokenStatus(t: Pick<ApiToken, 'expiresAt' | 'revokedAt'>, now: Date): TokenStatus {
  if (t.revokedAt) return 'revoked';
  if (t.expiresAt && t.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** `kp_<8 hex>_<43 base64url>`: the prefix identifies the token on screen, the rest is 256 random bits. */
export const TOKEN_PATTERN = /^kp_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

export function newTokenSecret(): { token: string; prefix: string } {
  const prefix = `kp_${randomBytes(4).toString('hex')}`;
  return { token: `${prefix}_${randomBytes(32).toString('base64url')}`, prefix };
}

/** Helsinki's offset from UTC at a moment, in milliseconds (+2 h in winter, +3 h in summer). */
function helsinkiOffsetMs(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return wall - Math.floor(at.getTime() / 60000) * 60000;
}

/** A token that "expires on 2027-03-31" works through that day in Helsinki: it ends at the next midnight. */
export function endOfHelsinkiDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d + 1);
  return new Date(guess - helsinkiOffsetMs(new Date(guess)));
}

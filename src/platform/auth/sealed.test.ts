import { describe, expect, it } from 'vitest';
import { seal, unseal } from './sealed.ts';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const now = new Date('2026-11-23T08:00:00Z');
const later = new Date(now.getTime() + 600_000);

describe('sealed cookie values', () => {
  it('open with the same secret and purpose before they expire', () => {
    const s = seal(SECRET, 'oidc', { state: 'abc' }, later);
    expect(s).not.toContain('abc');
    expect(unseal(SECRET, 'oidc', s, now)).toEqual({ state: 'abc' });
  });

  it('do not open when expired, changed, sealed for another purpose or with another secret', () => {
    const s = seal(SECRET, 'oidc', { state: 'abc' }, later);
    expect(unseal(SECRET, 'oidc', s, later)).toBeUndefined();
    expect(unseal(SECRET, 'other', s, now)).toBeUndefined();
    expect(unseal(`${SECRET}x`, 'oidc', s, now)).toBeUndefined();
    const [iv, body, tag] = s.split('.') as [string, string, string];
    // The first character carries six full bits (the last one may carry padding bits only).
    const flipped = (body.startsWith('A') ? 'B' : 'A') + body.slice(1);
    expect(unseal(SECRET, 'oidc', [iv, flipped, tag].join('.'), now)).toBeUndefined();
    expect(unseal(SECRET, 'oidc', 'garbage', now)).toBeUndefined();
    expect(unseal(SECRET, 'oidc', undefined, now)).toBeUndefined();
  });
});

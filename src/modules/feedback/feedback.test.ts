import { describe, expect, it } from 'vitest';
import { withAge, type AccessibilityFeedback } from './feedback.ts';

const fb = (createdAt: string, handled = false): AccessibilityFeedback => ({
  id: 'x',
  createdAt: new Date(createdAt),
  name: null,
  email: null,
  pageUrl: null,
  message: 'm',
  lang: 'fi',
  handled: handled ? { at: new Date(), by: null } : null,
});

describe('the 14-day answer period', () => {
  it('counts Helsinki calendar days and is overdue from the 15th day', () => {
    // Arrived 1.11. at 01:30 Helsinki (still 31.10. in UTC); the answer is due 15.11.
    const f = fb('2026-10-31T23:30:00Z');
    expect(withAge(f, new Date('2026-11-15T20:00:00Z'))).toMatchObject({ ageDays: 14, answerBy: '2026-11-15', overdue: false });
    expect(withAge(f, new Date('2026-11-15T22:30:00Z'))).toMatchObject({ ageDays: 15, overdue: true });
  });

  it('is never overdue once handled', () => {
    expect(withAge(fb('2026-01-01T10:00:00Z', true), new Date('2026-11-23T10:00:00Z'))).toMatchObject({ overdue: false });
  });
});

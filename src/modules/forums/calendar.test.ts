import { describe, expect, it } from 'vitest';
import { plusMonths, feedWindow, groupByMonth, parseCalendarQuery, startOfHelsinkiDay, viewWindow, type CalendarEntry } from './calendar.ts';
import type { Meeting } from './meeting.ts';

describe('the calendar’s query', () => {
  it('defaults to upcoming; past, a year, a forum and a kind are read; what cannot be used is dropped with a notice', () => {
    expect(parseCalendarQuery({})).toEqual({ filter: { range: { kind: 'upcoming' }, forumId: null, kind: null }, notices: [] });
    expect(parseCalendarQuery({ when: 'past', forum: 'f1', kind: 'seminar' }).filter).toEqual({ range: { kind: 'past' }, forumId: 'f1', kind: 'seminar' });
    expect(parseCalendarQuery({ when: '2027' }).filter.range).toEqual({ kind: 'year', year: 2027 });
    for (const when of ['1800', '20277', 'x', '2027-01', '<script>'])
      expect(parseCalendarQuery({ when }), when).toEqual({ filter: { range: { kind: 'upcoming' }, forumId: null, kind: null }, notices: ['bad_when'] });
    expect(parseCalendarQuery({ kind: 'party' })).toMatchObject({ filter: { kind: null }, notices: ['unknown_kind'] });
  });
});

describe('calendar windows in Helsinki time', () => {
  it('adds months with the day clamped to the month’s end, across years both ways', () => {
    expect(plusMonths('2026-11-23', 12)).toBe('2027-11-23');
    expect(plusMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(plusMonths('2028-03-31', -1)).toBe('2028-02-29');
    expect(plusMonths('2026-02-15', -14)).toBe('2024-12-15');
  });

  it('a day begins at Helsinki midnight in winter and in summer time', () => {
    expect(startOfHelsinkiDay('2026-12-01').toISOString()).toBe('2026-11-30T22:00:00.000Z');
    expect(startOfHelsinkiDay('2026-07-01').toISOString()).toBe('2026-06-30T21:00:00.000Z');
    // The day the clocks go forward (03:00 → 04:00) still begins at 00:00 (+02:00).
    expect(startOfHelsinkiDay('2027-03-28').toISOString()).toBe('2027-03-27T22:00:00.000Z');
  });

  it('upcoming runs from the start of today 12 months on; past the 12 months before, newest first; a year is January to January', () => {
    // 00:30 on 1.12.2026 in Helsinki is still 30.11. in UTC: the Helsinki date decides.
    const now = new Date('2026-11-30T22:30:00Z');
    expect(viewWindow({ kind: 'upcoming' }, now)).toEqual({ from: new Date('2026-11-30T22:00:00Z'), until: new Date('2027-11-30T22:00:00Z'), newestFirst: false });
    expect(viewWindow({ kind: 'past' }, now)).toEqual({ from: new Date('2025-11-30T22:00:00Z'), until: new Date('2026-11-30T22:00:00Z'), newestFirst: true });
    expect(viewWindow({ kind: 'year', year: 2027 }, now)).toEqual({ from: new Date('2026-12-31T22:00:00Z'), until: new Date('2027-12-31T22:00:00Z'), newestFirst: false });
    expect(feedWindow(now)).toEqual({ from: new Date('2025-11-30T22:00:00Z'), until: new Date('2029-11-30T22:00:00Z') });
  });

  it('groups entries under their Helsinki month, keeping their order', () => {
    const e = (iso: string, id: string) => ({ meeting: { id, startsAt: new Date(iso) } as Meeting, forum: { id: 'f', name: { fi: 'F', sv: '' }, isPublic: true } }) as CalendarEntry;
    // 31.12. 23:30 in Helsinki is 21:30 UTC: December, not January.
    const months = groupByMonth([e('2026-12-31T21:30:00Z', 'a'), e('2026-12-31T22:30:00Z', 'b'), e('2027-01-15T08:00:00Z', 'c')]);
    expect(months.map((m) => [m.month, m.entries.map((x) => x.meeting.id)])).toEqual([
      ['2026-12', ['a']],
      ['2027-01', ['b', 'c']],
    ]);
  });
});

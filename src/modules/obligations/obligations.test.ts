import { describe, expect, it } from 'vitest';
import { OBLIGATIONS, obligationByCode } from './catalogue.ts';
import { partyStatus, reminderDue, statusOf, type Evidence } from './obligation-status.ts';
import { councilTermOn, periodByKey, periodOn, periodsUntil } from './terms.ts';

describe('council terms by Helsinki dates', () => {
  it('31.5.2025 and 1.6.2025 are in different terms, for both councils', () => {
    expect(councilTermOn('county', '2025-05-31')).toEqual({ key: 'term:2022', kind: 'term', startsOn: '2022-03-01', endsOn: '2025-05-31' });
    expect(councilTermOn('county', '2025-06-01')).toEqual({ key: 'term:2025', kind: 'term', startsOn: '2025-06-01', endsOn: '2029-05-31' });
    expect(councilTermOn('municipal', '2025-05-31')?.startsOn).toBe('2021-06-01');
    expect(councilTermOn('municipal', '2025-06-01')?.key).toBe('term:2025');
  });
  it('the first county term starts 1.3.2022, the municipal one 1.6.2021; earlier dates are in no term', () => {
    expect(councilTermOn('county', '2022-02-28')).toBeNull();
    expect(councilTermOn('county', '2022-03-01')?.key).toBe('term:2022');
    expect(councilTermOn('municipal', '2021-05-31')).toBeNull();
    expect(councilTermOn('municipal', '2021-06-01')?.key).toBe('term:2021');
  });
  it('terms repeat every four years after 2025', () => {
    expect(councilTermOn('county', '2029-05-31')?.key).toBe('term:2025');
    expect(councilTermOn('county', '2029-06-01')).toEqual({ key: 'term:2029', kind: 'term', startsOn: '2029-06-01', endsOn: '2033-05-31' });
    expect(councilTermOn('municipal', '2034-01-15')?.key).toBe('term:2033');
  });
  it('periods until today and periods by key', () => {
    expect(periodsUntil('county_term', '2026-12-07').map((p) => p.key)).toEqual(['term:2022', 'term:2025']);
    expect(periodsUntil('yearly', '2026-12-07').map((p) => p.key)).toEqual(['year:2022', 'year:2023', 'year:2024', 'year:2025', 'year:2026']);
    expect(periodByKey('county_term', 'term:2022')?.endsOn).toBe('2025-05-31');
    expect(periodByKey('municipal_term', 'term:2022')).toBeNull();
    expect(periodByKey('yearly', 'term:2025')).toBeNull();
    expect(periodOn('yearly', '2024-12-31')?.key).toBe('year:2024');
  });
});

describe('status is derived from evidence and today', () => {
  const o14 = obligationByCode('hva_14_negotiation')!;
  const first = councilTermOn('county', '2023-01-01')!;
  const second = councilTermOn('county', '2025-06-01')!;
  const ev = (date: string, partyIds: string[], annulled = false): Evidence => ({ id: date, kind: 'negotiation', source: 'negotiation', obligationCode: o14.code, date, partyIds, title: '', annulled });

  it('a negotiation counts only for the parties that took part, only in its term, and not when annulled', () => {
    const e = [ev('2023-11-06', ['county', 'oulu'])];
    expect(partyStatus(o14, first, 'oulu', e, '2026-12-07').status).toBe('met');
    expect(partyStatus(o14, first, 'kempele', e, '2026-12-07').status).toBe('overdue');
    expect(partyStatus(o14, second, 'oulu', e, '2026-12-07').status).toBe('due');
    expect(partyStatus(o14, first, 'oulu', [ev('2023-11-06', ['oulu'], true)], '2026-12-07').status).toBe('overdue');
  });
  it('a meeting on 31.5.2025 counts for the first term, one on 1.6.2025 for the second', () => {
    expect(partyStatus(o14, first, 'oulu', [ev('2025-05-31', ['oulu'])], '2026-01-01').status).toBe('met');
    expect(partyStatus(o14, second, 'oulu', [ev('2025-05-31', ['oulu'])], '2026-01-01').status).toBe('due');
    expect(partyStatus(o14, second, 'oulu', [ev('2025-06-01', ['oulu'])], '2026-01-01').status).toBe('met');
    expect(partyStatus(o14, first, 'oulu', [ev('2025-06-01', ['oulu'])], '2026-01-01').status).toBe('overdue');
  });
  it('not yet due before the period starts; overdue the day after it ends', () => {
    const y = periodOn('yearly', '2027-03-01')!;
    expect(statusOf(y, '2026-12-31', false)).toBe('not_yet_due');
    expect(statusOf(y, '2027-12-31', false)).toBe('due');
    expect(statusOf(y, '2028-01-01', false)).toBe('overdue');
  });
  it('reminders 90 and 30 days before and after the deadline', () => {
    expect(reminderDue('2025-12-31', '2025-10-01')).toBeNull();
    expect(reminderDue('2025-12-31', '2025-10-02')).toBe('before_90');
    expect(reminderDue('2025-12-31', '2025-12-01')).toBe('before_30');
    expect(reminderDue('2025-12-31', '2025-12-31')).toBe('before_30');
    expect(reminderDue('2025-12-31', '2026-01-01')).toBe('passed');
  });
  it('every catalogue entry cites its source', () => {
    for (const o of OBLIGATIONS) expect(o.source.length).toBeGreaterThan(5);
  });
});

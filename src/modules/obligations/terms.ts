/**
 * Council terms and periods by Helsinki calendar dates ('YYYY-MM-DD'; compared as strings).
 * domain.md §3: the first aluevaltuusto term 1.3.2022–31.5.2025; municipal councils 1.6.2021–31.5.2025; both
 * councils serve 1.6.2025–31.5.2029 and every four years after that.
 */
import type { Frequency } from './catalogue.ts';

export interface Period {
  /** 'term:2025' (the term that starts in 2025) or 'year:2024'. */
  key: string;
  kind: 'term' | 'year';
  startsOn: string;
  endsOn: string;
}

const term = (startsOn: string, endsOn: string): Period => ({ key: `term:${startsOn.slice(0, 4)}`, kind: 'term', startsOn, endsOn });

/** The term of the given council that contains `date`, or null when the date is before its first term. */
export function councilTermOn(council: 'county' | 'municipal', date: string): Period | null {
  const first = council === 'county' ? '2022-03-01' : '2021-06-01';
  if (date < first) return null;
  if (date <= '2025-05-31') return term(first, '2025-05-31');
  const y = Number(date.slice(0, 4));
  // Terms start 1.6.2025 + 4k; a date in Jan–May belongs to the term that started the previous June.
  const startYear = date.slice(5) >= '06-01' ? y : y - 1;
  const s = 2025 + Math.floor((startYear - 2025) / 4) * 4;
  return term(`${s}-06-01`, `${s + 4}-05-31`);
}

export function yearOf(date: string): Period {
  const y = date.slice(0, 4);
  return { key: `year:${y}`, kind: 'year', startsOn: `${y}-01-01`, endsOn: `${y}-12-31` };
}

/** The period of an obligation's frequency that contains `date` (null before the first term). */
export function periodOn(frequency: Frequency, date: string): Period | null {
  if (frequency === 'yearly') return date < '2022-01-01' ? null : yearOf(date);
  return councilTermOn(frequency === 'county_term' ? 'county' : 'municipal', date);
}

/** The periods from the first one to the one containing `today` (plus the next yearly one is not listed). */
export function periodsUntil(frequency: Frequency, today: string): Period[] {
  const out: Period[] = [];
  let p = periodOn(frequency, frequency === 'yearly' ? '2022-01-01' : frequency === 'county_term' ? '2022-03-01' : '2021-06-01');
  while (p && p.startsOn <= today) {
    out.push(p);
    p = periodOn(frequency, nextDay(p.endsOn));
  }
  return out;
}

export function nextDay(d: string): string {
  const t = new Date(`${d}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

export function addDays(d: string, n: number): string {
  const t = new Date(`${d}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

export function periodByKey(frequency: Frequency, key: string): Period | null {
  const m = /^(term|year):(\d{4})$/.exec(key);
  if (!m) return null;
  if ((m[1] === 'year') !== (frequency === 'yearly')) return null;
  const y = Number(m[2]);
  const p = m[1] === 'year' ? periodOn(frequency, `${y}-06-30`) : periodOn(frequency, `${y}-06-30`);
  return p && p.key === key ? p : null;
}

/**
 * Wall-clock times in Europe/Helsinki ↔ instants, without guessing. At the spring change (last Sunday of March,
 * 03:00 → 04:00) a time in the gap does not exist; at the autumn change (last Sunday of October, 04:00 → 03:00)
 * a time in the repeated hour happens twice. Both are reported, never shifted: the caller refuses them (or lets
 * the user choose the offset for a repeated time).
 *
 * How: Helsinki is UTC+2 or UTC+3. For each of the two offsets, the instant is formed and formatted back in
 * Helsinki with Intl; the offsets whose round trip gives the same wall time are the answers (0, 1 or 2).
 */
import { TIME_ZONE } from '#platform/clock.ts';

const FMT = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export type WallTimeResult =
  | { kind: 'ok'; instant: Date; offsetMinutes: number }
  | { kind: 'nonexistent' }
  | { kind: 'ambiguous'; earlier: Date; later: Date };

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isWallDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}
export const isWallTime = (s: string) => TIME_RE.test(s);

/** The wall time in Helsinki of an instant: { date: 'YYYY-MM-DD', time: 'HH:MM' }. */
export function helsinkiWallTime(d: Date): { date: string; time: string } {
  const p = Object.fromEntries(FMT.formatToParts(d).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** The offset from UTC (minutes) that Helsinki has at an instant. */
export function helsinkiOffsetMinutes(d: Date): number {
  const w = helsinkiWallTime(d);
  const asUtc = Date.UTC(+w.date.slice(0, 4), +w.date.slice(5, 7) - 1, +w.date.slice(8, 10), +w.time.slice(0, 2), +w.time.slice(3, 5));
  return Math.round((asUtc - Math.floor(d.getTime() / 60_000) * 60_000) / 60_000);
}

/** Resolves 'YYYY-MM-DD' + 'HH:MM' in Helsinki. Precondition: isWallDate(date) and isWallTime(time). */
export function fromHelsinkiWallTime(date: string, time: string): WallTimeResult {
  const base = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), +time.slice(0, 2), +time.slice(3, 5));
  const hits: { instant: Date; offset: number }[] = [];
  for (const offset of [180, 120]) {
    const instant = new Date(base - offset * 60_000);
    const back = helsinkiWallTime(instant);
    if (back.date === date && back.time === time) hits.push({ instant, offset });
  }
  if (hits.length === 0) return { kind: 'nonexistent' };
  if (hits.length === 2) return { kind: 'ambiguous', earlier: hits[0]!.instant, later: hits[1]!.instant };
  return { kind: 'ok', instant: hits[0]!.instant, offsetMinutes: hits[0]!.offset };
}

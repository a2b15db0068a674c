/** Time comes from a Clock so tests can fix it. Helsinki time is the product's local time. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export const fixedClock = (iso: string): Clock & { set(iso: string): void; advance(ms: number): void } => {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (next: string) => {
      t = new Date(next).getTime();
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
};
/**
 * A clock that reads `startIso` at the moment it is made and then runs on in real time. The server uses it when
 * CLOCK_START is set (browser tests and demonstrations on a chosen day); use cases see one consistent time.
 */
export const runningClockFrom = (startIso: string): Clock => {
  const offset = new Date(startIso).getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
};
export const TIME_ZONE = 'Europe/Helsinki';

/** The calendar date in Helsinki, 'YYYY-MM-DD'. */
export function helsinkiDate(d: Date): string {
  return HELSINKI_DAY.format(d);
}
// One formatter for the process: building an Intl.DateTimeFormat costs far more than using one.
const HELSINKI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

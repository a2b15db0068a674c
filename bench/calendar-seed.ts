/**
 * Data of the calendar suite of `npm run bench` (bench/main.ts), written to the app's database before the app starts
 * (same environment as bench/seed.ts; PGlite lets one process in at a time):
 *
 *   node --import tsx bench/calendar-seed.ts region <result.json>
 *     Pohjois-Pohjanmaa (HVA19) gets three forums (two public, one internal) and 2,000 meetings over ten years (five
 *     back, five ahead; every 15th cancelled, kinds mixed), planned through the use case as a secretary would; each
 *     other cooperation region gets one public forum, and those forums get BENCH_CALENDAR_FEW_OTHERS meetings (200)
 *     over the same ten years.
 *   node --import tsx bench/calendar-seed.ts others <count> <result.json>
 *     Adds <count> more meetings to the other regions' forums (straight INSERT … SELECT generate_series, over the
 *     same ten years, so most of them fall inside the region feed's time window), then writes the plan of the
 *     region feed's meeting query.
 */
import { writeFileSync } from 'node:fs';
import { cancelMeeting, createForum, createMeeting, MEETING_KINDS, type MeetingKind } from '../src/modules/forums/index.ts';
import { helsinkiDate, systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { Ctx } from '../src/platform/context.ts';
import type { Db } from '../src/platform/db/db.ts';
import { openDatabase } from '../src/platform/db/open.ts';
import { createLogger } from '../src/platform/log.ts';

const REGION = 'HVA19';
const REGION_MEETINGS = 2000;
const YEARS = 10;
const DAY = 86_400_000;
const OTHER_FORUM = 'Toisen alueen foorumi (bench)';

const [mode, ...rest] = process.argv.slice(2);
const config = loadConfig();
const log = createLogger('warn', { service: 'bench-calendar-seed' }, (l) => process.stderr.write(l + '\n'));
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const system: Ctx = { db, clock: systemClock, log, actor: { kind: 'system', label: 'bench' }, requestId: 'bench:calendar' };
const tenYearsFrom = () => Date.now() - (YEARS / 2) * 365 * DAY;

async function otherForumIds(d: Db): Promise<string[]> {
  return (await d.query<{ id: string }>(`SELECT id FROM forum WHERE name_fi = $1 ORDER BY county_code`, [OTHER_FORUM])).map((r) => r.id);
}

/** `count` meetings spread evenly over the ten years, round-robin over the other regions' forums. */
async function insertOtherMeetings(count: number, tag: string): Promise<void> {
  const forums = await otherForumIds(db);
  const from = new Date(tenYearsFrom());
  const batch = 50_000;
  for (let done = 0; done < count; done += batch) {
    const n = Math.min(batch, count - done);
    await db.query(
      `INSERT INTO meeting (forum_id, title_fi, starts_at, ends_at, place, kinds, ical_uid, created_at, modified_at)
       SELECT ($1::uuid[])[1 + (g % array_length($1::uuid[], 1))], 'Muun alueen kokous ' || g,
              $2::timestamptz + (g * $3::double precision) * interval '1 second',
              $2::timestamptz + (g * $3::double precision) * interval '1 second' + interval '2 hours',
              'Muualla', ARRAY['regular'], 'bench-' || $4::text || '-' || g || '@kumppanuus', $5, $5
         FROM generate_series($6::int, $7::int) g`,
      [forums, from, (YEARS * 365 * 86_400) / count, tag, new Date(), done + 1, done + n],
    );
  }
}

if (mode === 'region') {
  const out = rest[0]!;
  const parties = await db.query<{ id: string; county_code: string; type: string }>(
    `SELECT DISTINCT ON (county_code) id, county_code, type FROM party
      WHERE county_code IS NOT NULL AND ended_on IS NULL AND type IN ('wellbeing_services_county', 'city_of_helsinki') ORDER BY county_code, code`,
  );
  const owner = parties.find((p) => p.county_code === REGION)!.id;
  const forum = (county: string, ownerPartyId: string, nameFi: string, isPublic: boolean) =>
    createForum(system, county, { ownerPartyId, nameFi, level: 'managerial', frequency: 'monthly', ...(isPublic ? { isPublic: 'on' } : {}) });
  const forums = [
    await forum(REGION, owner, 'Kuntajohtajafoorumi (bench)', true),
    await forum(REGION, owner, 'Hyvinvoinnin verkosto (bench)', true),
    await forum(REGION, owner, 'Valmisteleva työryhmä (bench)', false),
  ];
  for (const p of parties) if (p.county_code !== REGION) await forum(p.county_code, p.id, OTHER_FORUM, true);
  const t0 = performance.now();
  const start = tenYearsFrom();
  const step = (YEARS * 365 * DAY) / REGION_MEETINGS;
  for (let i = 0; i < REGION_MEETINGS; i++) {
    // Working hours: 9:00–15:00 Helsinki time on the day the even spread lands on.
    const date = helsinkiDate(new Date(start + i * step));
    const hour = 9 + (i % 6);
    const kinds: MeetingKind[] = [MEETING_KINDS[i % MEETING_KINDS.length]!, ...(i % 7 === 0 ? (['regular'] as const) : [])];
    const m = await createMeeting(system, forums[i % forums.length]!.id, {
      titleFi: `Kokous ${i + 1}`,
      titleSv: `Möte ${i + 1}`,
      startDate: date,
      startTime: `${String(hour).padStart(2, '0')}:00`,
      endTime: `${String(hour + 2).padStart(2, '0')}:00`,
      place: 'Oulun kaupungintalo',
      kinds,
    });
    if (i % 15 === 0) await cancelMeeting(system, m.id, { rowVersion: m.rowVersion, reason: 'Peruttu (bench)' });
  }
  const few = Number(process.env.BENCH_CALENDAR_FEW_OTHERS ?? 200);
  await insertOtherMeetings(few, 'few');
  const seconds = (performance.now() - t0) / 1000;
  writeFileSync(out, JSON.stringify({ regionMeetings: REGION_MEETINGS, otherMeetings: few, otherForums: parties.length - 1, seconds }));
} else if (mode === 'others') {
  const count = Number(rest[0]);
  const out = rest[1]!;
  if (!Number.isInteger(count) || count <= 0) throw new Error('usage: bench/calendar-seed.ts others <count> <result.json>');
  const t0 = performance.now();
  await insertOtherMeetings(count, 'many');
  await db.exec('ANALYZE meeting; ANALYZE forum;');
  const seconds = (performance.now() - t0) / 1000;
  // The region feed's meeting query (src/modules/forums/calendar-queries.ts) with the region's public forums.
  const ids = (await db.query<{ id: string }>(`SELECT id FROM forum WHERE county_code = $1 AND is_public`, [REGION])).map((r) => r.id);
  const from = new Date(Date.now() - 365 * DAY);
  const until = new Date(Date.now() + 3 * 365 * DAY);
  const plan = await db.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN SELECT m.id FROM meeting m WHERE m.forum_id = ANY($1::uuid[]) AND m.starts_at >= $2 AND m.starts_at < $3 AND ($4::text IS NULL OR $4::text = ANY(m.kinds))
      ORDER BY m.starts_at, m.id`,
    [ids, from, until, null],
  );
  const [total] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM meeting`);
  writeFileSync(out, JSON.stringify({ added: count, totalMeetings: total!.n, seconds, plan: plan.map((r) => r['QUERY PLAN']) }));
} else {
  throw new Error('usage: bench/calendar-seed.ts region <result.json> | others <count> <result.json>');
}
await db.close();

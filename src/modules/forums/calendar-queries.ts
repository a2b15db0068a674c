import type { Membership, PartyRole } from '#platform/actor.ts';
import type { Row, Sql } from '#platform/db/db.ts';
import type { CalendarFeed } from './calendar.ts';
import type { MeetingKind } from './meeting.ts';
import { toMeeting } from './meeting-queries.ts';
import type { Meeting } from './meeting.ts';

/**
 * SQL of the calendar page and the feeds. Every meeting query is bounded by a time window and goes through
 * idx_meeting_forum (forum_id, starts_at) with the forum ids already known (or through an invitee index), so its
 * cost follows the meetings of the forums asked for, never the number of meetings elsewhere.
 */

// The calendar does not show attendance (attendedPartyIds stays null): no per-row subquery.
const CALENDAR_COLUMNS = `m.id, m.forum_id, m.title_fi, m.title_sv, m.starts_at, m.ends_at, m.place, m.online_url, m.kinds, m.state,
  m.ical_uid, m.ical_sequence, m.change_reason, m.cancelled_at, m.row_version`;

type MeetingRow = Parameters<typeof toMeeting>[0];

/** Meetings of the given forums starting in [from, until), of one kind if given; oldest first unless `newestFirst`. */
export async function listMeetingsOfForumsBetween(
  sql: Sql,
  forumIds: readonly string[],
  from: Date,
  until: Date,
  opts: { kind?: MeetingKind | null; newestFirst?: boolean } = {},
): Promise<Meeting[]> {
  if (forumIds.length === 0) return [];
  const rows = await sql.query<MeetingRow>(
    `SELECT ${CALENDAR_COLUMNS} FROM meeting m
      WHERE m.forum_id = ANY($1::uuid[]) AND m.starts_at >= $2 AND m.starts_at < $3 AND ($4::text IS NULL OR $4::text = ANY(m.kinds))
      ORDER BY m.starts_at ${opts.newestFirst ? 'DESC' : 'ASC'}, m.id`,
    [forumIds, from, until, opts.kind ?? null],
  );
  return rows.map(toMeeting);
}

/** The Helsinki years of the first and the last meeting of the given forums (null when they have none). */
export async function meetingYearSpan(sql: Sql, forumIds: readonly string[]): Promise<{ first: number; last: number } | null> {
  if (forumIds.length === 0) return null;
  const rows = await sql.query<{ first: number | null; last: number | null }>(
    `SELECT extract(year FROM min(m.starts_at) AT TIME ZONE 'Europe/Helsinki')::int AS first,
            extract(year FROM max(m.starts_at) AT TIME ZONE 'Europe/Helsinki')::int AS last
       FROM meeting m WHERE m.forum_id = ANY($1::uuid[])`,
    [forumIds],
  );
  const r = rows[0];
  return r && r.first !== null && r.last !== null ? { first: r.first, last: r.last } : null;
}

/** Meetings in [from, until) to which the account is invited by name (idx_meeting_invitee_user). */
export async function listInvitedMeetingsOfUser(sql: Sql, userId: string, from: Date, until: Date): Promise<Meeting[]> {
  const rows = await sql.query<MeetingRow>(
    `SELECT ${CALENDAR_COLUMNS} FROM meeting m
      WHERE m.id IN (SELECT i.meeting_id FROM meeting_invitee i WHERE i.user_id = $1) AND m.starts_at >= $2 AND m.starts_at < $3
      ORDER BY m.starts_at, m.id`,
    [userId, from, until],
  );
  return rows.map(toMeeting);
}

/** Meetings of public forums in [from, until) to which the party is invited, as such or through its people (idx_meeting_invitee_party). */
export async function listInvitedPublicMeetingsOfParty(sql: Sql, partyId: string, from: Date, until: Date): Promise<Meeting[]> {
  const rows = await sql.query<MeetingRow>(
    `SELECT ${CALENDAR_COLUMNS} FROM meeting m JOIN forum f ON f.id = m.forum_id
      WHERE m.id IN (SELECT i.meeting_id FROM meeting_invitee i WHERE i.party_id = $1) AND f.is_public AND m.starts_at >= $2 AND m.starts_at < $3
      ORDER BY m.starts_at, m.id`,
    [partyId, from, until],
  );
  return rows.map(toMeeting);
}

/** Forums where the account is a named member (idx_forum_member_user). */
export async function forumIdsOfMemberUser(sql: Sql, userId: string): Promise<string[]> {
  const rows = await sql.query<{ forum_id: string }>(`SELECT DISTINCT fm.forum_id FROM forum_member fm WHERE fm.user_id = $1`, [userId]);
  return rows.map((r) => r.forum_id);
}

/** Forums where the party is a member by name (idx_forum_member_party). */
export async function forumIdsOfMemberParty(sql: Sql, partyId: string): Promise<string[]> {
  const rows = await sql.query<{ forum_id: string }>(`SELECT DISTINCT fm.forum_id FROM forum_member fm WHERE fm.party_id = $1`, [partyId]);
  return rows.map((r) => r.forum_id);
}

/**
 * Cooperation regions of the given parties: a party's county, or for a regional council (which has none) the
 * counties of its region.
 */
export async function countiesOfParties(sql: Sql, partyIds: readonly string[]): Promise<string[]> {
  if (partyIds.length === 0) return [];
  const rows = await sql.query<{ county_code: string }>(
    `SELECT DISTINCT coalesce(p.county_code, c.code) AS county_code FROM party p
       LEFT JOIN county c ON p.county_code IS NULL AND p.type = 'regional_council' AND c.region_code = p.region_code
      WHERE p.id = ANY($1::uuid[]) AND coalesce(p.county_code, c.code) IS NOT NULL ORDER BY 1`,
    [partyIds],
  );
  return rows.map((r) => r.county_code);
}

// ------------------------------------------------------------------ personal feeds

interface FeedRow extends Row {
  id: string;
  user_id: string;
  secret_prefix: string;
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}

const FEED_COLUMNS = `c.id, c.user_id, c.secret_prefix, c.created_at, c.last_used_at, c.revoked_at`;
const d = (v: Date | string | null) => (v === null ? null : new Date(v));
const toFeed = (r: FeedRow): CalendarFeed => ({
  id: r.id,
  userId: r.user_id,
  prefix: r.secret_prefix,
  createdAt: new Date(r.created_at),
  lastUsedAt: d(r.last_used_at),
  revokedAt: d(r.revoked_at),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function insertFeed(sql: Sql, userId: string, secretHash: string, prefix: string, now: Date): Promise<CalendarFeed> {
  const rows = await sql.query<FeedRow>(
    `INSERT INTO calendar_feed AS c (user_id, secret_hash, secret_prefix, created_at) VALUES ($1, $2, $3, $4) RETURNING ${FEED_COLUMNS}`,
    [userId, secretHash, prefix, now],
  );
  return toFeed(rows[0]!);
}

export async function findFeed(sql: Sql, id: string): Promise<CalendarFeed | undefined> {
  if (!UUID.test(id)) return undefined;
  const rows = await sql.query<FeedRow>(`SELECT ${FEED_COLUMNS} FROM calendar_feed c WHERE c.id = $1`, [id]);
  return rows[0] && toFeed(rows[0]);
}

/** A live feed by its secret's hash, when its owner's account is not disabled. */
export async function findLiveFeedByHash(sql: Sql, hash: string): Promise<CalendarFeed | undefined> {
  const rows = await sql.query<FeedRow>(
    `SELECT ${FEED_COLUMNS} FROM calendar_feed c JOIN app_user u ON u.id = c.user_id
      WHERE c.secret_hash = $1 AND c.revoked_at IS NULL AND u.disabled_at IS NULL`,
    [hash],
  );
  return rows[0] && toFeed(rows[0]);
}

/** The live one first, then newest first: revoked ones too (the owner sees the history). */
export async function listFeedsOfUser(sql: Sql, userId: string): Promise<CalendarFeed[]> {
  const rows = await sql.query<FeedRow>(`SELECT ${FEED_COLUMNS} FROM calendar_feed c WHERE c.user_id = $1 ORDER BY c.revoked_at IS NULL DESC, c.created_at DESC, c.id`, [userId]);
  return rows.map(toFeed);
}

/** Revokes the account's live feed, if any; returns the ids revoked. */
export async function revokeLiveFeedsOfUser(sql: Sql, userId: string, now: Date): Promise<CalendarFeed[]> {
  const rows = await sql.query<FeedRow>(
    `UPDATE calendar_feed AS c SET revoked_at = $2 WHERE c.user_id = $1 AND c.revoked_at IS NULL RETURNING ${FEED_COLUMNS}`,
    [userId, now],
  );
  return rows.map(toFeed);
}

export async function markFeedRevoked(sql: Sql, id: string, now: Date): Promise<boolean> {
  const rows = await sql.query(`UPDATE calendar_feed SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [id, now]);
  return rows.length === 1;
}

/** Records a fetch, at most once a minute per feed (the condition also holds under concurrent fetches). */
export async function touchFeed(sql: Sql, id: string, now: Date): Promise<void> {
  await sql.query(
    `UPDATE calendar_feed SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= $2::timestamptz - interval '1 minute')`,
    [id, now],
  );
}

/** What the feed's owner acts as: the account's name, platform role and current memberships. */
export async function feedOwner(sql: Sql, userId: string): Promise<{ displayName: string; isPlatformAdmin: boolean; memberships: Membership[] } | undefined> {
  const users = await sql.query<{ display_name: string; is_platform_admin: boolean }>(
    `SELECT u.display_name, u.is_platform_admin FROM app_user u WHERE u.id = $1 AND u.disabled_at IS NULL`,
    [userId],
  );
  if (!users[0]) return undefined;
  const ms = await sql.query<{ party_id: string; role: PartyRole }>(`SELECT m.party_id, m.role::text AS role FROM membership m WHERE m.user_id = $1`, [userId]);
  return { displayName: users[0].display_name, isPlatformAdmin: users[0].is_platform_admin, memberships: ms.map((r) => ({ partyId: r.party_id, role: r.role })) };
}

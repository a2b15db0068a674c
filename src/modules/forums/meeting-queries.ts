import type { Row, Sql } from '#platform/db/db.ts';
import type { Meeting, MeetingKind, MeetingState } from './meeting.ts';

interface MeetingRow extends Row {
  id: string;
  forum_id: string;
  title_fi: string;
  title_sv: string;
  starts_at: Date | string;
  ends_at: Date | string;
  place: string;
  online_url: string;
  kinds: MeetingKind[];
  state: MeetingState;
  ical_uid: string;
  ical_sequence: number;
  change_reason: string;
  cancelled_at: Date | string | null;
  attendance_recorded_at: Date | string | null;
  attended_party_ids: string[] | null;
  agenda_published_at: Date | string | null;
  row_version: number;
}

const MEETING_COLUMNS = `m.id, m.forum_id, m.title_fi, m.title_sv, m.starts_at, m.ends_at, m.place, m.online_url, m.kinds, m.state,
  m.ical_uid, m.ical_sequence, m.change_reason, m.cancelled_at, m.row_version, m.attendance_recorded_at, m.agenda_published_at,
  (SELECT array_agg(a.party_id::text ORDER BY a.party_id) FROM meeting_attendance a WHERE a.meeting_id = m.id) AS attended_party_ids`;

export const toMeeting = (r: MeetingRow): Meeting => ({
  id: r.id,
  forumId: r.forum_id,
  title: { fi: r.title_fi, sv: r.title_sv },
  startsAt: new Date(r.starts_at),
  endsAt: new Date(r.ends_at),
  place: r.place,
  onlineUrl: r.online_url,
  kinds: r.kinds ?? [],
  state: r.state,
  icalUid: r.ical_uid,
  icalSequence: r.ical_sequence,
  changeReason: r.change_reason,
  cancelledAt: r.cancelled_at ? new Date(r.cancelled_at) : null,
  attendedPartyIds: r.attendance_recorded_at ? (r.attended_party_ids ?? []) : null,
  agendaPublishedAt: r.agenda_published_at ? new Date(r.agenda_published_at) : null,
  rowVersion: r.row_version,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findMeeting(sql: Sql, id: string): Promise<Meeting | undefined> {
  if (!UUID.test(id)) return undefined;
  const rows = await sql.query<MeetingRow>(`SELECT ${MEETING_COLUMNS} FROM meeting m WHERE m.id = $1`, [id]);
  return rows[0] && toMeeting(rows[0]);
}

export async function listMeetingsOfForum(sql: Sql, forumId: string): Promise<Meeting[]> {
  const rows = await sql.query<MeetingRow>(`SELECT ${MEETING_COLUMNS} FROM meeting m WHERE m.forum_id = $1 ORDER BY m.starts_at DESC, m.id`, [forumId]);
  return rows.map(toMeeting);
}

export interface MeetingFields {
  titleFi: string;
  titleSv: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  onlineUrl: string;
  kinds: MeetingKind[];
}

export async function insertMeeting(sql: Sql, id: string, forumId: string, f: MeetingFields, icalUid: string, now: Date): Promise<void> {
  await sql.query(
    `INSERT INTO meeting (id, forum_id, title_fi, title_sv, starts_at, ends_at, place, online_url, kinds, ical_uid, created_at, modified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
    [id, forumId, f.titleFi, f.titleSv, f.startsAt, f.endsAt, f.place, f.onlineUrl, f.kinds, icalUid, now],
  );
}

/** Saves the edited meeting; `raiseSequence` when the change is sent to invitees (iCalendar SEQUENCE). */
export async function updateMeetingRow(sql: Sql, id: string, rowVersion: number, f: MeetingFields, reason: string, raiseSequence: boolean, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE meeting SET title_fi = $3, title_sv = $4, starts_at = $5, ends_at = $6, place = $7, online_url = $8, kinds = $9,
        change_reason = CASE WHEN $10::text = '' THEN change_reason ELSE $10::text END,
        ical_sequence = ical_sequence + CASE WHEN $11::boolean THEN 1 ELSE 0 END,
        row_version = row_version + 1, modified_at = $12
      WHERE id = $1 AND row_version = $2 RETURNING id`,
    [id, rowVersion, f.titleFi, f.titleSv, f.startsAt, f.endsAt, f.place, f.onlineUrl, f.kinds, reason, raiseSequence, now],
  );
  return rows.length === 1;
}

export async function setMeetingState(
  sql: Sql,
  id: string,
  rowVersion: number,
  state: MeetingState,
  now: Date,
  opts: { reason?: string; raiseSequence?: boolean } = {},
): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE meeting SET state = $3::text::meeting_state, row_version = row_version + 1, modified_at = $4::timestamptz,
        change_reason = CASE WHEN $5::text = '' THEN change_reason ELSE $5::text END,
        ical_sequence = ical_sequence + CASE WHEN $6::boolean THEN 1 ELSE 0 END,
        cancelled_at = CASE WHEN $3::text = 'cancelled' THEN $4::timestamptz ELSE cancelled_at END
      WHERE id = $1 AND row_version = $2 RETURNING id`,
    [id, rowVersion, state, now, opts.reason ?? '', opts.raiseSequence ?? false],
  );
  return rows.length === 1;
}

/** Replaces the attendance of a held meeting (optimistic: false when the meeting changed since `rowVersion`). */
export async function setAttendance(sql: Sql, id: string, rowVersion: number, partyIds: readonly string[], now: Date): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE meeting SET attendance_recorded_at = $3, row_version = row_version + 1, modified_at = $3 WHERE id = $1 AND row_version = $2 RETURNING id`,
    [id, rowVersion, now],
  );
  if (rows.length !== 1) return false;
  await sql.query(`DELETE FROM meeting_attendance WHERE meeting_id = $1`, [id]);
  await sql.query(`INSERT INTO meeting_attendance (meeting_id, party_id) SELECT $1, unnest($2::uuid[])`, [id, [...new Set(partyIds)]]);
  return true;
}

export interface ObligationMeetingRow {
  id: string;
  forumId: string;
  title: { fi: string; sv: string };
  startsAt: Date;
  kinds: MeetingKind[];
  attendedPartyIds: string[];
}

/**
 * Held meetings of a region's forums of the given kinds whose attendance has been recorded (evidence for the
 * obligations monitor). Cancelled and not yet held meetings prove nothing.
 */
export async function listHeldMeetingsOfKinds(sql: Sql, countyCode: string, kinds: readonly MeetingKind[]): Promise<ObligationMeetingRow[]> {
  const rows = await sql.query<MeetingRow>(
    `SELECT ${MEETING_COLUMNS} FROM meeting m JOIN forum f ON f.id = m.forum_id
      WHERE f.county_code = $1 AND m.state IN ('held', 'minutes_approved', 'published') AND m.attendance_recorded_at IS NOT NULL AND m.kinds && $2::text[]
      ORDER BY m.starts_at, m.id`,
    [countyCode, [...kinds]],
  );
  return rows.map((r) => {
    const m = toMeeting(r);
    return { id: m.id, forumId: m.forumId, title: m.title, startsAt: m.startsAt, kinds: m.kinds, attendedPartyIds: m.attendedPartyIds ?? [] };
  });
}

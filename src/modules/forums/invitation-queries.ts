import type { Row, Sql } from '#platform/db/db.ts';
import type { MailLang } from '#platform/mail/index.ts';
import type { Answer, Invitee } from './invitation.ts';
import { toMeeting } from './meeting-queries.ts';
import type { Meeting } from './meeting.ts';

interface InviteeRow extends Row {
  id: string;
  meeting_id: string;
  party_id: string | null;
  forum_member_id: string | null;
  person_name: string | null;
  email: string | null;
  user_id: string | null;
  nominated_by_party_id: string | null;
  answer: Answer;
  deputy_name: string;
  answered_at: Date | string | null;
  sent_sequence: number | null;
  reminded_at: Date | string | null;
  row_version: number;
}

const COLUMNS = `i.id, i.meeting_id, i.party_id, i.forum_member_id, i.person_name, i.email, i.user_id, i.nominated_by_party_id, i.answer,
  i.deputy_name, i.answered_at, i.sent_sequence, i.reminded_at, i.row_version`;

const toInvitee = (r: InviteeRow): Invitee => ({
  id: r.id,
  meetingId: r.meeting_id,
  partyId: r.party_id,
  forumMemberId: r.forum_member_id,
  personName: r.person_name,
  email: r.email,
  userId: r.user_id,
  nominatedByPartyId: r.nominated_by_party_id,
  answer: r.answer,
  deputyName: r.deputy_name,
  answeredAt: r.answered_at ? new Date(r.answered_at) : null,
  sentSequence: r.sent_sequence,
  remindedAt: r.reminded_at ? new Date(r.reminded_at) : null,
  rowVersion: r.row_version,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listInvitees(sql: Sql, meetingId: string): Promise<Invitee[]> {
  const rows = await sql.query<InviteeRow>(`SELECT ${COLUMNS} FROM meeting_invitee i WHERE i.meeting_id = $1 ORDER BY i.email NULLS FIRST, i.person_name, i.created_at`, [
    meetingId,
  ]);
  return rows.map(toInvitee);
}

export async function findInvitee(sql: Sql, id: string): Promise<Invitee | undefined> {
  if (!UUID.test(id)) return undefined;
  const rows = await sql.query<InviteeRow>(`SELECT ${COLUMNS} FROM meeting_invitee i WHERE i.id = $1`, [id]);
  return rows[0] && toInvitee(rows[0]);
}

export async function findInviteeByTokenHash(sql: Sql, hash: string): Promise<Invitee | undefined> {
  const rows = await sql.query<InviteeRow>(`SELECT ${COLUMNS} FROM meeting_invitee i WHERE i.answer_token_hash = $1`, [hash]);
  return rows[0] && toInvitee(rows[0]);
}

export async function insertInvitee(
  sql: Sql,
  meetingId: string,
  i: { partyId: string | null; forumMemberId: string | null; personName: string | null; email: string | null; userId: string | null; nominatedByPartyId: string | null; nominatedByUserId: string | null },
  now: Date,
): Promise<Invitee> {
  const rows = await sql.query<InviteeRow>(
    `INSERT INTO meeting_invitee AS i (meeting_id, party_id, forum_member_id, person_name, email, user_id, nominated_by_party_id, nominated_by_user_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
    [meetingId, i.partyId, i.forumMemberId, i.personName, i.email, i.userId, i.nominatedByPartyId, i.nominatedByUserId, now],
  );
  return toInvitee(rows[0]!);
}

/** Records what was sent: the SEQUENCE and the hash of the answer link's new secret. */
export async function markInviteeSent(sql: Sql, id: string, sequence: number, tokenHash: string): Promise<void> {
  await sql.query(`UPDATE meeting_invitee SET sent_sequence = $2, answer_token_hash = $3 WHERE id = $1`, [id, sequence, tokenHash]);
}

export async function markInviteeReminded(sql: Sql, id: string, now: Date): Promise<void> {
  await sql.query(`UPDATE meeting_invitee SET reminded_at = $2 WHERE id = $1`, [id, now]);
}

export async function saveAnswer(sql: Sql, id: string, rowVersion: number, answer: Answer, deputyName: string, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE meeting_invitee SET answer = $3, deputy_name = $4, answered_at = $5, row_version = row_version + 1 WHERE id = $1 AND row_version = $2 RETURNING id`,
    [id, rowVersion, answer, deputyName, now],
  );
  return rows.length === 1;
}

export async function preferredLangs(sql: Sql, userIds: string[]): Promise<Map<string, MailLang>> {
  if (userIds.length === 0) return new Map();
  const rows = await sql.query<{ id: string; preferred_lang: MailLang }>(`SELECT id, preferred_lang FROM app_user WHERE id = ANY($1::uuid[])`, [userIds]);
  return new Map(rows.map((r) => [r.id, r.preferred_lang]));
}

export async function findUserIdByEmail(sql: Sql, email: string): Promise<string | null> {
  const rows = await sql.query<{ id: string }>(`SELECT id FROM app_user WHERE lower(email) = lower($1) AND disabled_at IS NULL`, [email]);
  return rows[0]?.id ?? null;
}

/** Invited meetings starting between `from` and `until` with invitees who have not been reminded and have not said no. */
export async function meetingsDueForReminder(sql: Sql, from: Date, until: Date): Promise<Meeting[]> {
  const rows = await sql.query<Parameters<typeof toMeeting>[0]>(
    `SELECT m.id, m.forum_id, m.title_fi, m.title_sv, m.starts_at, m.ends_at, m.place, m.online_url, m.kinds, m.state,
            m.ical_uid, m.ical_sequence, m.change_reason, m.cancelled_at, m.row_version
       FROM meeting m
      WHERE m.state = 'invited' AND m.starts_at > $1 AND m.starts_at <= $2
        AND EXISTS (SELECT 1 FROM meeting_invitee i WHERE i.meeting_id = m.id AND i.email IS NOT NULL AND i.reminded_at IS NULL AND i.answer <> 'no')
      ORDER BY m.starts_at`,
    [from, until],
  );
  return rows.map(toMeeting);
}

export async function inviteeTokenHash(sql: Sql, id: string): Promise<string | null> {
  const rows = await sql.query<{ answer_token_hash: string | null }>(`SELECT answer_token_hash FROM meeting_invitee WHERE id = $1`, [id]);
  return rows[0]?.answer_token_hash ?? null;
}

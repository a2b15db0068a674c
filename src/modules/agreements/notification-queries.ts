import type { Row, Sql } from '#platform/db/db.ts';
import type { Lang } from '#i18n/index.ts';

export interface MailRecipient {
  userId: string;
  email: string;
  lang: Lang;
}

/** Editors and administrators of the given parties (active accounts), once each even if in several parties. */
export async function listPartyEditors(sql: Sql, partyIds: readonly string[]): Promise<MailRecipient[]> {
  if (partyIds.length === 0) return [];
  const rows = await sql.query<Row & { id: string; email: string; preferred_lang: Lang }>(
    `SELECT DISTINCT u.id, u.email, u.preferred_lang
       FROM membership m JOIN app_user u ON u.id = m.user_id
      WHERE m.party_id = ANY($1::uuid[]) AND m.role IN ('admin', 'editor') AND u.disabled_at IS NULL AND u.email <> ''
      ORDER BY u.email`,
    [partyIds],
  );
  return rows.map((r) => ({ userId: r.id, email: r.email, lang: r.preferred_lang }));
}

/** Open comment rounds whose deadline is between the two dates (inclusive), without a reminder yet. */
export async function listRoundsDueForReminder(
  sql: Sql,
  from: string,
  to: string,
): Promise<{ roundId: string; agreementId: string; deadline: string; versionNumber: number; openedAt: Date }[]> {
  const rows = await sql.query<Row & { id: string; agreement_id: string; deadline: string; number: number; opened_at: Date }>(
    `SELECT r.id, r.agreement_id, to_char(r.deadline, 'YYYY-MM-DD') AS deadline, v.number, r.opened_at
       FROM agreement_comment_round r JOIN agreement_version v ON v.id = r.version_id
      WHERE r.closed_at IS NULL AND r.deadline BETWEEN $1::date AND $2::date
        AND NOT EXISTS (SELECT 1 FROM agreement_deadline_reminder x WHERE x.round_id = r.id)
      ORDER BY r.deadline, r.id`,
    [from, to],
  );
  return rows.map((r) => ({ roundId: r.id, agreementId: r.agreement_id, deadline: r.deadline, versionNumber: r.number, openedAt: new Date(r.opened_at) }));
}

/** Claims the reminder of one round; false when someone already sent it. */
export async function claimDeadlineReminder(sql: Sql, roundId: string, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `INSERT INTO agreement_deadline_reminder (round_id, sent_at) VALUES ($1, $2) ON CONFLICT (round_id) DO NOTHING RETURNING round_id`,
    [roundId, now],
  );
  return rows.length === 1;
}

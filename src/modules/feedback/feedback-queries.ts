import type { Row, Sql } from '#platform/db/db.ts';
import type { AccessibilityFeedback } from './feedback.ts';
import type { TFeedbackListQuery } from './feedback-schemas.ts';

interface FeedbackRow extends Row {
  id: string;
  created_at: Date;
  name: string | null;
  email: string | null;
  page_url: string | null;
  message: string;
  lang: 'fi' | 'sv' | 'en';
  handled_at: Date | null;
  handled_by: string | null;
  handled_by_name: string | null;
}

const COLUMNS = `f.id, f.created_at, f.name, f.email, f.page_url, f.message, f.lang, f.handled_at, f.handled_by, u.display_name AS handled_by_name`;

const toFeedback = (r: FeedbackRow): AccessibilityFeedback => ({
  id: r.id,
  createdAt: r.created_at,
  name: r.name,
  email: r.email,
  pageUrl: r.page_url,
  message: r.message,
  lang: r.lang,
  handled: r.handled_at ? { at: r.handled_at, by: r.handled_by ? { userId: r.handled_by, displayName: r.handled_by_name ?? '' } : null } : null,
});

export async function insertFeedback(
  sql: Sql,
  f: { name: string | null; email: string | null; pageUrl: string | null; message: string; lang: string },
  now: Date,
): Promise<string> {
  const rows = await sql.query<{ id: string }>(
    `INSERT INTO accessibility_feedback (created_at, name, email, page_url, message, lang) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [now, f.name, f.email, f.pageUrl, f.message, f.lang],
  );
  return rows[0]!.id;
}

export async function findFeedback(sql: Sql, id: string): Promise<AccessibilityFeedback | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const rows = await sql.query<FeedbackRow>(
    `SELECT ${COLUMNS} FROM accessibility_feedback f LEFT JOIN app_user u ON u.id = f.handled_by WHERE f.id = $1`,
    [id],
  );
  return rows[0] && toFeedback(rows[0]);
}

/** Newest first; `open` = not yet handled. */
export async function searchFeedback(
  sql: Sql,
  q: TFeedbackListQuery,
  now: Date,
  answerDays: number,
): Promise<{ items: AccessibilityFeedback[]; total: number; open: number; overdue: number }> {
  const cond = q.status === 'open' ? 'WHERE f.handled_at IS NULL' : q.status === 'handled' ? 'WHERE f.handled_at IS NOT NULL' : '';
  // Overdue: unhandled and received more than `answerDays` Helsinki calendar days ago (same rule as withAge).
  const [counts] = await sql.query<{ n: number; open: number; overdue: number }>(
    `SELECT (SELECT count(*)::int FROM accessibility_feedback f ${cond}) AS n,
            (SELECT count(*)::int FROM accessibility_feedback WHERE handled_at IS NULL) AS open,
            (SELECT count(*)::int FROM accessibility_feedback
              WHERE handled_at IS NULL
                AND (created_at AT TIME ZONE 'Europe/Helsinki')::date < ($1::timestamptz AT TIME ZONE 'Europe/Helsinki')::date - $2::int) AS overdue`,
    [now, answerDays],
  );
  const rows = await sql.query<FeedbackRow>(
    `SELECT ${COLUMNS} FROM accessibility_feedback f LEFT JOIN app_user u ON u.id = f.handled_by ${cond}
      ORDER BY f.created_at DESC, f.id LIMIT $1 OFFSET $2`,
    [q.limit, q.offset],
  );
  return { items: rows.map(toFeedback), total: counts?.n ?? 0, open: counts?.open ?? 0, overdue: counts?.overdue ?? 0 };
}

/** Marks handled unless someone already did (then false: the caller reports who did). */
export async function markHandledRow(sql: Sql, id: string, userId: string | null, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE accessibility_feedback SET handled_at = $2, handled_by = $3 WHERE id = $1 AND handled_at IS NULL RETURNING id`,
    [id, now, userId],
  );
  return rows.length === 1;
}

/** Who is told about new feedback: every platform administrator whose account is in use, in their own language. */
export async function platformAdminRecipients(sql: Sql): Promise<{ email: string; lang: 'fi' | 'sv' | 'en' }[]> {
  return sql.query<{ email: string; lang: 'fi' | 'sv' | 'en' }>(
    `SELECT email, preferred_lang AS lang FROM app_user WHERE is_platform_admin AND disabled_at IS NULL ORDER BY lower(email)`,
  );
}

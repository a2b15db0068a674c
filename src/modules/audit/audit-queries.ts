import type { Row, Sql } from '#platform/db/db.ts';
import { likeLiteral, type AuditEvent, type AuditScope } from './audit.ts';
import type { TAuditQuery } from './audit-schemas.ts';

interface EventRow extends Row {
  id: number;
  occurred_at: Date;
  actor_label: string;
  actor_user_id: string | null;
  actor_token_id: string | null;
  party_id: string | null;
  party_name_fi: string | null;
  party_name_sv: string | null;
  party_name_en: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  target_label: string | null;
  summary: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null } | string | null;
  request_id: string | null;
}

const toEvent = (r: EventRow): AuditEvent => {
  const summary = typeof r.summary === 'string' ? (JSON.parse(r.summary) as EventRow['summary'] & object) : r.summary;
  return {
    id: Number(r.id),
    occurredAt: r.occurred_at,
    actor: { label: r.actor_label, userId: r.actor_user_id, tokenId: r.actor_token_id },
    party: r.party_id ? { id: r.party_id, name: { fi: r.party_name_fi ?? '', sv: r.party_name_sv ?? '', en: r.party_name_en ?? '' } } : null,
    action: r.action,
    target: { type: r.target_type, id: r.target_id, label: r.target_label },
    before: summary?.before ?? null,
    after: summary?.after ?? null,
    requestId: r.request_id,
  };
};

/**
 * Audit events matching the filters within the caller's scope, newest first. Dates are Helsinki calendar
 * days (both ends inclusive), turned into instants by the database so daylight saving is right.
 */
export async function searchAuditEvents(sql: Sql, scope: AuditScope, q: TAuditQuery): Promise<{ items: AuditEvent[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (!scope.all) where.push(`e.party_id = ANY(${p(scope.partyIds)}::uuid[])`);
  if (q.party) where.push(`e.party_id = ${p(q.party)}::uuid`);
  if (q.action) where.push(`e.action LIKE ${p(`${likeLiteral(q.action)}%`)}`);
  if (q.actor) where.push(`e.actor_label ILIKE ${p(`%${likeLiteral(q.actor)}%`)}`);
  if (q.targetType) where.push(`e.target_type = ${p(q.targetType)}`);
  if (q.from) where.push(`e.occurred_at >= (${p(q.from)}::date::timestamp AT TIME ZONE 'Europe/Helsinki')`);
  if (q.to) where.push(`e.occurred_at < ((${p(q.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Helsinki')`);
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [count] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event e ${cond}`, params);
  const limit = p(q.limit);
  const offset = p(q.offset);
  // The page is picked first; names of targets are looked up for its rows only.
  const rows = await sql.query<EventRow>(
    `WITH page AS (
       SELECT e.* FROM audit_event e ${cond}
        ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${limit} OFFSET ${offset}
     )
     SELECT e.id, e.occurred_at, e.actor_label, e.actor_user_id, e.actor_token_id, e.party_id,
            p.name_fi AS party_name_fi, p.name_sv AS party_name_sv, p.name_en AS party_name_en,
            e.action, e.target_type, e.target_id, e.summary, e.request_id,
            COALESCE(tu.display_name, tp.name_fi, tb.name_fi, tt.name) AS target_label
       FROM page e
       LEFT JOIN party p ON p.id = e.party_id
       LEFT JOIN app_user tu ON e.target_type = 'user' AND tu.id::text = e.target_id
       LEFT JOIN party tp ON e.target_type = 'party' AND tp.id::text = e.target_id
       LEFT JOIN party_body tb ON e.target_type = 'party_body' AND tb.id::text = e.target_id
       LEFT JOIN api_token tt ON e.target_type = 'api_token' AND tt.id::text = e.target_id
      ORDER BY e.occurred_at DESC, e.id DESC`,
    params,
  );
  return { items: rows.map(toEvent), total: count?.n ?? 0 };
}

/** Parties offered in the audit filter: the given ones, or every party (ended ones last) when `ids` is null. */
export async function listPartyChoices(sql: Sql, ids: string[] | null): Promise<{ id: string; name: { fi: string; sv: string; en: string } }[]> {
  const rows = await sql.query<{ id: string; name_fi: string; name_sv: string; name_en: string }>(
    `SELECT id, name_fi, name_sv, name_en FROM party
      WHERE ($1::uuid[] IS NULL OR id = ANY($1::uuid[]))
      ORDER BY ended_on IS NOT NULL, name_fi`,
    [ids],
  );
  return rows.map((r) => ({ id: r.id, name: { fi: r.name_fi, sv: r.name_sv, en: r.name_en } }));
}

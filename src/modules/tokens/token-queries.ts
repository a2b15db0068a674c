import type { PartyRole } from '#platform/actor.ts';
import type { Row, Sql } from '#platform/db/db.ts';
import type { ApiToken } from './token.ts';

interface TokenRow extends Row {
  id: string;
  party_id: string;
  role: PartyRole;
  name: string;
  token_prefix: string;
  created_at: Date;
  created_by_name: string | null;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const TOKEN_COLUMNS = `t.id, t.party_id, t.role::text AS role, t.name, t.token_prefix, t.created_at,
  (SELECT u.display_name FROM app_user u WHERE u.id = t.created_by) AS created_by_name, t.expires_at, t.revoked_at, t.last_used_at`;

const toToken = (r: TokenRow): ApiToken => ({
  id: r.id,
  partyId: r.party_id,
  role: r.role,
  name: r.name,
  prefix: r.token_prefix,
  createdAt: r.created_at,
  createdByName: r.created_by_name,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
});

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export async function insertApiToken(
  sql: Sql,
  t: { partyId: string; role: PartyRole; name: string; tokenHash: string; tokenPrefix: string; createdBy: string | null; expiresAt: Date | null },
  now: Date,
): Promise<ApiToken> {
  const rows = await sql.query<{ id: string }>(
    `INSERT INTO api_token (party_id, role, name, token_hash, token_prefix, created_by, created_at, expires_at)
     VALUES ($1, $2::party_role, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [t.partyId, t.role, t.name, t.tokenHash, t.tokenPrefix, t.createdBy, now, t.expiresAt],
  );
  return (await findTokenById(sql, rows[0]!.id))!;
}

export async function findTokenById(sql: Sql, id: string): Promise<ApiToken | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await sql.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_token t WHERE t.id = $1`, [id]);
  return rows[0] && toToken(rows[0]);
}

/** Newest first; revoked and expired ones too, so administrators see the whole history. */
export async function listTokensOfParty(sql: Sql, partyId: string): Promise<ApiToken[]> {
  const rows = await sql.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_token t WHERE t.party_id = $1 ORDER BY t.created_at DESC, t.name`, [partyId]);
  return rows.map(toToken);
}

export async function markTokenRevoked(sql: Sql, id: string, now: Date): Promise<boolean> {
  const rows = await sql.query('UPDATE api_token SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id, now]);
  return rows.length === 1;
}

export async function findTokenByHash(
  sql: Sql,
  hash: string,
): Promise<{ id: string; partyId: string; role: PartyRole; name: string; expiresAt: Date | null; revokedAt: Date | null; lastUsedAt: Date | null } | undefined> {
  const rows = await sql.query<TokenRow>(
    `SELECT t.id, t.party_id, t.role::text AS role, t.name, t.expires_at, t.revoked_at, t.last_used_at FROM api_token t WHERE t.token_hash = $1`,
    [hash],
  );
  const r = rows[0];
  return r && { id: r.id, partyId: r.party_id, role: r.role, name: r.name, expiresAt: r.expires_at, revokedAt: r.revoked_at, lastUsedAt: r.last_used_at };
}

/** Records use, at most once a minute per token (the condition also holds under concurrent requests). */
export async function touchTokenLastUsed(sql: Sql, id: string, now: Date): Promise<void> {
  await sql.query(
    `UPDATE api_token SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= $2::timestamptz - interval '1 minute')`,
    [id, now],
  );
}

export interface PartyChoice extends Row {
  id: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
}

/** Names of the given parties, or of every active party (platform administrators). */
export async function listPartyChoices(sql: Sql, ids: readonly string[] | 'all'): Promise<PartyChoice[]> {
  if (ids === 'all') {
    return sql.query<PartyChoice>('SELECT p.id, p.name_fi, p.name_sv, p.name_en FROM party p WHERE p.ended_on IS NULL ORDER BY p.name_fi');
  }
  if (ids.length === 0) return [];
  return sql.query<PartyChoice>('SELECT p.id, p.name_fi, p.name_sv, p.name_en FROM party p WHERE p.id = ANY($1::uuid[]) ORDER BY p.name_fi', [ids]);
}

export async function partyExists(sql: Sql, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  return (await sql.query('SELECT 1 FROM party WHERE id = $1', [id])).length === 1;
}

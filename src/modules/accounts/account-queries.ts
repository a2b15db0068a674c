import type { Membership, PartyRole } from '#platform/actor.ts';
import type { Row, Sql } from '#platform/db/db.ts';
import type { User, UserWithMemberships } from './account.ts';

interface UserRow extends Row {
  id: string;
  email: string;
  display_name: string;
  title: string | null;
  is_platform_admin: boolean;
  preferred_lang: 'fi' | 'sv' | 'en';
  disabled_at: Date | null;
  password_hash?: string | null;
}

const USER_COLUMNS = 'u.id, u.email, u.display_name, u.title, u.is_platform_admin, u.preferred_lang, u.disabled_at';

const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  title: r.title,
  isPlatformAdmin: r.is_platform_admin,
  preferredLang: r.preferred_lang,
  disabled: r.disabled_at !== null,
});

export async function insertUser(
  sql: Sql,
  u: { email: string; displayName: string; title: string | null; passwordHash: string | null; isPlatformAdmin: boolean; preferredLang: string },
  now: Date,
): Promise<User> {
  const rows = await sql.query<UserRow>(
    `INSERT INTO app_user AS u (email, display_name, title, password_hash, is_platform_admin, preferred_lang, created_at, modified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING ${USER_COLUMNS}`,
    [u.email, u.displayName, u.title, u.passwordHash, u.isPlatformAdmin, u.preferredLang, now],
  );
  return toUser(rows[0]!);
}

export async function findUserByEmail(sql: Sql, email: string): Promise<(User & { passwordHash: string | null }) | undefined> {
  const rows = await sql.query<UserRow>(`SELECT ${USER_COLUMNS}, u.password_hash FROM app_user u WHERE lower(u.email) = lower($1)`, [email]);
  const r = rows[0];
  return r && { ...toUser(r), passwordHash: r.password_hash ?? null };
}

export async function findUserById(sql: Sql, id: string): Promise<User | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const rows = await sql.query<UserRow>(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1`, [id]);
  return rows[0] && toUser(rows[0]);
}

export async function listMemberships(sql: Sql, userId: string): Promise<Membership[]> {
  const rows = await sql.query<{ party_id: string; role: PartyRole }>(
    `SELECT m.party_id, m.role::text AS role FROM membership m JOIN party p ON p.id = m.party_id
      WHERE m.user_id = $1 ORDER BY p.name_fi`,
    [userId],
  );
  return rows.map((r) => ({ partyId: r.party_id, role: r.role }));
}

export async function upsertMembership(sql: Sql, userId: string, partyId: string, role: PartyRole, now: Date): Promise<PartyRole | null> {
  const before = await sql.query<{ role: PartyRole }>('SELECT role::text AS role FROM membership WHERE user_id = $1 AND party_id = $2', [
    userId,
    partyId,
  ]);
  await sql.query(
    `INSERT INTO membership (user_id, party_id, role, created_at) VALUES ($1, $2, $3::party_role, $4)
     ON CONFLICT (user_id, party_id) DO UPDATE SET role = EXCLUDED.role`,
    [userId, partyId, role, now],
  );
  return before[0]?.role ?? null;
}

export async function deleteMembership(sql: Sql, userId: string, partyId: string): Promise<PartyRole | null> {
  const rows = await sql.query<{ role: PartyRole }>(
    'DELETE FROM membership WHERE user_id = $1 AND party_id = $2 RETURNING role::text AS role',
    [userId, partyId],
  );
  return rows[0]?.role ?? null;
}

export async function insertSession(
  sql: Sql,
  s: { idHash: string; userId: string; csrfToken: string; authMethod: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  await sql.query(
    `INSERT INTO user_session (id_hash, user_id, csrf_token, auth_method, created_at, expires_at, last_used_at)
     VALUES ($1, $2, $3, $4, $5, $6, $5)`,
    [s.idHash, s.userId, s.csrfToken, s.authMethod, now, s.expiresAt],
  );
}

/** A session of an enabled user, whether or not it has expired or been idle too long (the caller decides). */
export async function findSession(
  sql: Sql,
  idHash: string,
): Promise<{ userId: string; csrfToken: string; expiresAt: Date; lastUsedAt: Date } | undefined> {
  const rows = await sql.query<{ user_id: string; csrf_token: string; expires_at: Date; last_used_at: Date }>(
    `SELECT s.user_id, s.csrf_token, s.expires_at, s.last_used_at FROM user_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.id_hash = $1 AND u.disabled_at IS NULL`,
    [idHash],
  );
  const r = rows[0];
  return r && { userId: r.user_id, csrfToken: r.csrf_token, expiresAt: new Date(r.expires_at), lastUsedAt: new Date(r.last_used_at) };
}

/** Marks a session used now (only moves forward). */
export async function touchSession(sql: Sql, idHash: string, now: Date): Promise<void> {
  await sql.query('UPDATE user_session SET last_used_at = $2 WHERE id_hash = $1 AND last_used_at < $2', [idHash, now]);
}

export async function deleteSession(sql: Sql, idHash: string): Promise<string | undefined> {
  const rows = await sql.query<{ user_id: string }>('DELETE FROM user_session WHERE id_hash = $1 RETURNING user_id', [idHash]);
  return rows[0]?.user_id;
}

export async function deleteExpiredSessions(sql: Sql, now: Date, idleSince?: Date): Promise<void> {
  await sql.query('DELETE FROM user_session WHERE expires_at <= $1 OR last_used_at <= $2', [now, idleSince ?? new Date(0)]);
}

export async function loadUserWithMemberships(sql: Sql, userId: string): Promise<UserWithMemberships | undefined> {
  const u = await findUserById(sql, userId);
  if (!u || u.disabled) return undefined;
  return { ...u, memberships: await listMemberships(sql, userId) };
}

export async function findUserByOidc(sql: Sql, issuer: string, subject: string): Promise<User | undefined> {
  const rows = await sql.query<UserRow>(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.oidc_issuer = $1 AND u.oidc_subject = $2`, [issuer, subject]);
  return rows[0] && toUser(rows[0]);
}

/**
 * Binds a provider identity to an account. Refused (false) when the account is already bound to another
 * subject at the same issuer: one e-mail address must not let a second identity take over the account.
 */
export async function linkUserOidc(sql: Sql, userId: string, issuer: string, subject: string, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE app_user SET oidc_issuer = $2, oidc_subject = $3, modified_at = $4
      WHERE id = $1 AND (oidc_subject IS NULL OR oidc_issuer IS DISTINCT FROM $2) RETURNING id`,
    [userId, issuer, subject, now],
  );
  return rows.length === 1;
}

/** The role a user holds in a party; `lock` keeps it from changing until the transaction ends. */
export async function findMembershipRole(sql: Sql, userId: string, partyId: string, lock = false): Promise<PartyRole | null> {
  const rows = await sql.query<{ role: PartyRole }>(
    `SELECT role::text AS role FROM membership WHERE user_id = $1 AND party_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [userId, partyId],
  );
  return rows[0]?.role ?? null;
}

/** Administrators of a party, locked so two administrators cannot demote each other at the same moment. */
export async function countPartyAdminsForUpdate(sql: Sql, partyId: string): Promise<number> {
  const rows = await sql.query<{ user_id: string }>(
    `SELECT m.user_id FROM membership m JOIN app_user u ON u.id = m.user_id
      WHERE m.party_id = $1 AND m.role = 'admin' AND u.disabled_at IS NULL FOR UPDATE OF m`,
    [partyId],
  );
  return rows.length;
}

export interface PartyMemberRow extends Row {
  user_id: string;
  email: string;
  display_name: string;
  title: string | null;
  role: PartyRole;
  created_at: Date;
  disabled_at: Date | null;
}

/** Everyone with a role in the party, administrators first. */
export async function listMembersOfParty(sql: Sql, partyId: string): Promise<PartyMemberRow[]> {
  return sql.query<PartyMemberRow>(
    `SELECT u.id AS user_id, u.email, u.display_name, u.title, m.role::text AS role, m.created_at, u.disabled_at
       FROM membership m JOIN app_user u ON u.id = m.user_id
      WHERE m.party_id = $1
      ORDER BY CASE m.role WHEN 'admin' THEN 0 WHEN 'approver' THEN 1 WHEN 'editor' THEN 2 ELSE 3 END, u.display_name`,
    [partyId],
  );
}

export async function findPartyNames(sql: Sql, partyId: string): Promise<{ fi: string; sv: string; en: string } | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(partyId)) return undefined;
  const rows = await sql.query<{ name_fi: string; name_sv: string; name_en: string }>('SELECT name_fi, name_sv, name_en FROM party WHERE id = $1', [partyId]);
  const r = rows[0];
  return r && { fi: r.name_fi, sv: r.name_sv, en: r.name_en };
}

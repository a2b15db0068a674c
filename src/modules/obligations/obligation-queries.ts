import type { Row, Sql, Tx } from '#platform/db/db.ts';
import { mergeCatalogue, type Catalogue, type CatalogueEdit } from './catalogue.ts';
import type { Evidence } from './obligation-status.ts';
import type { TDocumentInput, TNegotiationInput } from './obligation-schemas.ts';

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

export interface RegionParty {
  id: string;
  type: 'county' | 'municipality';
  code: string;
  name: { fi: string; sv: string; en: string };
}

export interface RegionInfo {
  countyCode: string;
  regionCode: string;
  name: { fi: string; sv: string; en: string };
  countyPartyId: string | null;
  parties: RegionParty[];
}

/** The 22 cooperation regions (21 counties and Helsinki) with their county party and municipalities. */
export async function listRegions(sql: Sql, countyCode?: string): Promise<RegionInfo[]> {
  const counties = await sql.query<{ code: string; region_code: string; name_fi: string; name_sv: string; name_en: string }>(
    `SELECT code, region_code, name_fi, name_sv, name_en FROM county ${countyCode ? 'WHERE code = $1' : ''} ORDER BY code`,
    countyCode ? [countyCode] : [],
  );
  const parties = await sql.query<{ id: string; type: string; code: string; county_code: string; name_fi: string; name_sv: string; name_en: string }>(
    `SELECT id, type::text, code, county_code, name_fi, name_sv, name_en FROM party
      WHERE county_code IS NOT NULL AND ended_on IS NULL AND type IN ('municipality', 'wellbeing_services_county', 'city_of_helsinki')
      ${countyCode ? 'AND county_code = $1' : ''}
      ORDER BY type DESC, name_fi`,
    countyCode ? [countyCode] : [],
  );
  return counties.map((c) => {
    const mine = parties.filter((p) => p.county_code === c.code);
    const county = mine.find((p) => p.type !== 'municipality');
    const list: RegionParty[] = mine.map((p) => ({ id: p.id, type: p.type === 'municipality' ? 'municipality' : 'county', code: p.code, name: { fi: p.name_fi, sv: p.name_sv, en: p.name_en } }));
    // Helsinki is both the county and the municipality: one party, listed once as the county.
    return { countyCode: c.code, regionCode: c.region_code, name: { fi: c.name_fi, sv: c.name_sv, en: c.name_en }, countyPartyId: county?.id ?? null, parties: list };
  });
}

export async function findPartyCounty(sql: Sql, partyId: string): Promise<{ countyCode: string | null } | undefined> {
  if (!isUuid(partyId)) return undefined;
  const [r] = await sql.query<{ county_code: string | null }>(`SELECT county_code FROM party WHERE id = $1`, [partyId]);
  return r && { countyCode: r.county_code };
}

// ───────────────────────────── negotiations ─────────────────────────────

export interface NegotiationRow {
  id: string;
  countyCode: string;
  obligationCode: string;
  heldOn: string;
  title: string;
  participantIds: string[];
  minutes: { fileName: string; mediaType: string; sha256: string } | null;
  annulled: { at: Date; reason: string } | null;
  rowVersion: number;
}

const NEG_COLS = `n.id, n.county_code, n.obligation_code, n.held_on::text AS held_on, n.title, n.minutes_file_name, n.minutes_media_type, n.minutes_sha256,
  n.annulled_at, n.annul_reason, n.row_version,
  (SELECT array_agg(p.party_id::text ORDER BY p.party_id) FROM obligation_negotiation_participant p WHERE p.negotiation_id = n.id) AS participant_ids`;

const toNeg = (r: Row): NegotiationRow => ({
  id: r.id as string,
  countyCode: r.county_code as string,
  obligationCode: r.obligation_code as string,
  heldOn: r.held_on as string,
  title: r.title as string,
  participantIds: (r.participant_ids as string[] | null) ?? [],
  minutes: r.minutes_file_name ? { fileName: r.minutes_file_name as string, mediaType: r.minutes_media_type as string, sha256: r.minutes_sha256 as string } : null,
  annulled: r.annulled_at ? { at: new Date(r.annulled_at as string), reason: (r.annul_reason as string) ?? '' } : null,
  rowVersion: r.row_version as number,
});

export async function listNegotiations(sql: Sql, countyCode?: string): Promise<NegotiationRow[]> {
  const rows = await sql.query(`SELECT ${NEG_COLS} FROM obligation_negotiation n ${countyCode ? 'WHERE n.county_code = $1' : ''} ORDER BY n.held_on, n.created_at`, countyCode ? [countyCode] : []);
  return rows.map(toNeg);
}

export async function findNegotiation(sql: Sql, id: string, lock = false): Promise<NegotiationRow | undefined> {
  if (!isUuid(id)) return undefined;
  if (lock) await sql.query(`SELECT id FROM obligation_negotiation WHERE id = $1 FOR UPDATE`, [id]);
  const [r] = await sql.query(`SELECT ${NEG_COLS} FROM obligation_negotiation n WHERE n.id = $1`, [id]);
  return r && toNeg(r);
}

export async function insertNegotiation(
  tx: Tx,
  countyCode: string,
  f: TNegotiationInput,
  minutes: { content: Buffer; fileName: string; mediaType: string; sha256: string } | null,
  now: Date,
): Promise<string> {
  const [r] = await tx.query<{ id: string }>(
    `INSERT INTO obligation_negotiation (county_code, obligation_code, held_on, title, minutes, minutes_file_name, minutes_media_type, minutes_sha256, created_at, modified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
    [countyCode, f.obligationCode, f.heldOn, f.title, minutes?.content ?? null, minutes?.fileName ?? null, minutes?.mediaType ?? null, minutes?.sha256 ?? null, now],
  );
  await setParticipants(tx, r!.id, f.participantIds);
  return r!.id;
}

async function setParticipants(tx: Tx, id: string, partyIds: readonly string[]): Promise<void> {
  await tx.query(`DELETE FROM obligation_negotiation_participant WHERE negotiation_id = $1`, [id]);
  await tx.query(`INSERT INTO obligation_negotiation_participant (negotiation_id, party_id) SELECT $1, unnest($2::uuid[])`, [id, [...new Set(partyIds)]]);
}

export async function updateNegotiationRow(tx: Tx, id: string, f: TNegotiationInput, now: Date): Promise<void> {
  await tx.query(`UPDATE obligation_negotiation SET obligation_code = $2, held_on = $3, title = $4, row_version = row_version + 1, modified_at = $5 WHERE id = $1`, [
    id,
    f.obligationCode,
    f.heldOn,
    f.title,
    now,
  ]);
  await setParticipants(tx, id, f.participantIds);
}

export async function annulNegotiationRow(tx: Tx, id: string, reason: string, now: Date): Promise<void> {
  await tx.query(`UPDATE obligation_negotiation SET annulled_at = $2, annul_reason = $3, row_version = row_version + 1, modified_at = $2 WHERE id = $1`, [id, now, reason]);
}

export async function readMinutes(sql: Sql, id: string): Promise<{ content: Buffer; fileName: string; mediaType: string } | undefined> {
  if (!isUuid(id)) return undefined;
  const [r] = await sql.query<{ minutes: Uint8Array | null; minutes_file_name: string; minutes_media_type: string }>(
    `SELECT minutes, minutes_file_name, minutes_media_type FROM obligation_negotiation WHERE id = $1`,
    [id],
  );
  return r?.minutes ? { content: Buffer.from(r.minutes), fileName: r.minutes_file_name, mediaType: r.minutes_media_type } : undefined;
}

// ───────────────────────────── documents ─────────────────────────────

export interface DocumentRow {
  id: string;
  partyId: string;
  obligationCode: string;
  periodKey: string;
  title: string;
  fileName: string;
  mediaType: string;
  sha256: string;
  decision: { body: string; date: string; section: string };
  annulled: { at: Date; reason: string } | null;
  rowVersion: number;
}

const DOC_COLS = `d.id, d.party_id, d.obligation_code, d.period_key, d.title, d.file_name, d.media_type, d.sha256, d.decision_body, d.decision_date::text AS decision_date,
  d.decision_section, d.annulled_at, d.annul_reason, d.row_version`;

const toDoc = (r: Row): DocumentRow => ({
  id: r.id as string,
  partyId: r.party_id as string,
  obligationCode: r.obligation_code as string,
  periodKey: r.period_key as string,
  title: r.title as string,
  fileName: r.file_name as string,
  mediaType: r.media_type as string,
  sha256: r.sha256 as string,
  decision: { body: r.decision_body as string, date: r.decision_date as string, section: r.decision_section as string },
  annulled: r.annulled_at ? { at: new Date(r.annulled_at as string), reason: (r.annul_reason as string) ?? '' } : null,
  rowVersion: r.row_version as number,
});

export async function listDocuments(sql: Sql, countyCode?: string): Promise<DocumentRow[]> {
  const rows = await sql.query(
    `SELECT ${DOC_COLS} FROM obligation_document d JOIN party p ON p.id = d.party_id ${countyCode ? 'WHERE p.county_code = $1' : ''} ORDER BY d.decision_date, d.created_at`,
    countyCode ? [countyCode] : [],
  );
  return rows.map(toDoc);
}

export async function findDocument(sql: Sql, id: string, lock = false): Promise<DocumentRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [r] = await sql.query(`SELECT ${DOC_COLS} FROM obligation_document d WHERE d.id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return r && toDoc(r);
}

export async function insertDocument(tx: Tx, f: TDocumentInput, file: { content: Buffer; fileName: string; mediaType: string; sha256: string }, now: Date): Promise<string> {
  const [r] = await tx.query<{ id: string }>(
    `INSERT INTO obligation_document (party_id, obligation_code, period_key, title, content, file_name, media_type, sha256, decision_body, decision_date, decision_section, created_at, modified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
    [f.partyId, f.obligationCode, f.periodKey, f.title, file.content, file.fileName, file.mediaType, file.sha256, f.decisionBody, f.decisionDate, f.decisionSection, now],
  );
  return r!.id;
}

export async function annulDocumentRow(tx: Tx, id: string, reason: string, now: Date): Promise<void> {
  await tx.query(`UPDATE obligation_document SET annulled_at = $2, annul_reason = $3, row_version = row_version + 1, modified_at = $2 WHERE id = $1`, [id, now, reason]);
}

export async function readDocumentFile(sql: Sql, id: string): Promise<{ content: Buffer; fileName: string; mediaType: string } | undefined> {
  if (!isUuid(id)) return undefined;
  const [r] = await sql.query<{ content: Uint8Array; file_name: string; media_type: string }>(`SELECT content, file_name, media_type FROM obligation_document WHERE id = $1`, [id]);
  return r && { content: Buffer.from(r.content), fileName: r.file_name, mediaType: r.media_type };
}

// ───────────────────────────── evidence and reminders ─────────────────────────────

export function negotiationEvidence(n: NegotiationRow): Evidence {
  return { id: n.id, kind: 'negotiation', source: 'negotiation', obligationCode: n.obligationCode, date: n.heldOn, partyIds: n.participantIds, title: n.title, annulled: n.annulled !== null };
}

export function documentEvidence(d: DocumentRow): Evidence {
  return { id: d.id, kind: 'document', source: 'document', obligationCode: d.obligationCode, date: d.decision.date, periodKey: d.periodKey, partyIds: [d.partyId], title: d.title, annulled: d.annulled !== null };
}

/** Claims a reminder; false when it was already sent (each exactly once). */
export async function claimReminder(tx: Tx, r: { obligationCode: string; periodKey: string; partyId: string; kind: string }, now: Date): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO obligation_reminder (obligation_code, period_key, party_id, kind, sent_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING party_id`,
    [r.obligationCode, r.periodKey, r.partyId, r.kind, now],
  );
  return rows.length === 1;
}

export async function listPartyEditors(sql: Sql, partyId: string): Promise<{ email: string; lang: 'fi' | 'sv' | 'en' }[]> {
  const rows = await sql.query<{ email: string; preferred_lang: 'fi' | 'sv' | 'en' }>(
    `SELECT DISTINCT u.email, u.preferred_lang FROM membership m JOIN app_user u ON u.id = m.user_id
      WHERE m.party_id = $1 AND m.role IN ('admin', 'editor') AND u.disabled_at IS NULL AND u.email <> '' ORDER BY u.email`,
    [partyId],
  );
  return rows.map((r) => ({ email: r.email, lang: r.preferred_lang }));
}

// ───────────────────────────── catalogue ─────────────────────────────

/** The catalogue in use: shipped entries with the platform administrators' edits. */
export async function loadCatalogue(sql: Sql): Promise<Catalogue> {
  const rows = await sql.query<{ obligation_code: string; law: string; finlex_url: string | null; quote: string | null; source: string; row_version: number }>(
    `SELECT obligation_code, law, finlex_url, quote, source, row_version FROM obligation_catalogue_edit`,
  );
  const edits: CatalogueEdit[] = rows.map((r) => ({ code: r.obligation_code, law: r.law, finlexUrl: r.finlex_url, quote: r.quote, source: r.source, rowVersion: r.row_version }));
  return mergeCatalogue(edits);
}

/**
 * Saves an entry's texts if nobody changed it since `rowVersion` (0: never edited); false on a lost race.
 * Locks the row (or, for a first edit, relies on the primary key) so two edits never both win.
 */
export async function saveCatalogueEdit(tx: Tx, e: Omit<CatalogueEdit, 'rowVersion'>, rowVersion: number, now: Date): Promise<boolean> {
  if (rowVersion === 0) {
    const rows = await tx.query(
      `INSERT INTO obligation_catalogue_edit (obligation_code, law, finlex_url, quote, source, modified_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (obligation_code) DO NOTHING RETURNING obligation_code`,
      [e.code, e.law, e.finlexUrl, e.quote, e.source, now],
    );
    return rows.length === 1;
  }
  const rows = await tx.query(
    `UPDATE obligation_catalogue_edit SET law = $2, finlex_url = $3, quote = $4, source = $5, row_version = row_version + 1, modified_at = $6
      WHERE obligation_code = $1 AND row_version = $7 RETURNING obligation_code`,
    [e.code, e.law, e.finlexUrl, e.quote, e.source, now, rowVersion],
  );
  return rows.length === 1;
}

import type { Row, Sql } from '#platform/db/db.ts';
import type { AgreementStatus, PartyRef, VersionInfo } from './agreement.ts';
import type { ApprovalStep, DecisionOutcome, DecisionRecord, PartyBodyRef, ScanMediaType, SignatureMethod, SignatureRecord, StepRole } from './approval.ts';

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

// ───────────────────────────── approval rounds ─────────────────────────────

export interface ApprovalRound {
  id: string;
  versionId: string;
  versionNumber: number;
  versionLabel: string;
  sentAt: Date;
  returnedAt: Date | null;
  returnReason: string;
}

export async function listApprovalRounds(sql: Sql, agreementId: string): Promise<ApprovalRound[]> {
  const rows = await sql.query<{ id: string; version_id: string; number: number; label: string; sent_at: Date; returned_at: Date | null; return_reason: string }>(
    `SELECT r.id, r.version_id, v.number, v.label, r.sent_at, r.returned_at, r.return_reason
       FROM agreement_approval_round r JOIN agreement_version v ON v.id = r.version_id
      WHERE r.agreement_id = $1 ORDER BY r.sent_at`,
    [agreementId],
  );
  return rows.map((r) => ({
    id: r.id,
    versionId: r.version_id,
    versionNumber: r.number,
    versionLabel: r.label,
    sentAt: r.sent_at,
    returnedAt: r.returned_at,
    returnReason: r.return_reason,
  }));
}

export async function insertApprovalRound(sql: Sql, r: { agreementId: string; versionId: string; sentBy: string | null }, now: Date): Promise<string> {
  const rows = await sql.query<{ id: string }>(
    'INSERT INTO agreement_approval_round (agreement_id, version_id, sent_at, sent_by) VALUES ($1, $2, $3, $4) RETURNING id',
    [r.agreementId, r.versionId, now, r.sentBy],
  );
  return rows[0]!.id;
}

export async function returnOpenApprovalRound(sql: Sql, agreementId: string, userId: string | null, reason: string, now: Date): Promise<string | undefined> {
  const rows = await sql.query<{ id: string }>(
    `UPDATE agreement_approval_round SET returned_at = $2, returned_by = $3, return_reason = $4
      WHERE agreement_id = $1 AND returned_at IS NULL RETURNING id`,
    [agreementId, now, userId, reason],
  );
  return rows[0]?.id;
}

/** Points the agreement at the version under approval (or none), and records when it enters into force. */
export async function setApprovalFacts(sql: Sql, agreementId: string, f: { approvalVersionId?: string | null; entersIntoForceOn?: string | null }, now: Date): Promise<void> {
  if (f.approvalVersionId !== undefined) {
    await sql.query('UPDATE agreement SET approval_version_id = $2, modified_at = $3 WHERE id = $1', [agreementId, f.approvalVersionId, now]);
  }
  if (f.entersIntoForceOn !== undefined) {
    await sql.query('UPDATE agreement SET enters_into_force_on = $2, modified_at = $3 WHERE id = $1', [agreementId, f.entersIntoForceOn, now]);
  }
}

export async function findVersionById(sql: Sql, id: string): Promise<VersionInfo | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await sql.query<{ id: string; agreement_id: string; number: number; label: string; sha256: string; published_at: Date }>(
    'SELECT id, agreement_id, number, label, sha256, published_at FROM agreement_version WHERE id = $1',
    [id],
  );
  const r = rows[0];
  return r && { id: r.id, agreementId: r.agreement_id, number: r.number, label: r.label, sha256: r.sha256, publishedAt: r.published_at };
}

export async function latestVersionNumber(sql: Sql, agreementId: string): Promise<number> {
  const rows = await sql.query<{ n: number }>('SELECT coalesce(max(number), 0)::int AS n FROM agreement_version WHERE agreement_id = $1', [agreementId]);
  return rows[0]!.n;
}

// ───────────────────────────── the parties' approval state, in one query ─────────────────────────────

export interface PartyApprovalRow {
  party: PartyRef;
  bodies: PartyBodyRef[];
  /** The saved chain (steps not removed); empty when the party has none saved yet. */
  steps: ApprovalStep[];
  requiredSignatures: number;
  /** row_version of the party's approval settings; 0 when never saved. */
  settingsVersion: number;
  decisions: DecisionRecord[];
  signatures: SignatureRecord[];
  comments: { count: number; lastAt: Date | null };
  /** The party's official statement in force in the newest round where it filed one. */
  statement: { filedAt: Date; versionNumber: number } | null;
}

interface StateRow extends Row {
  id: string;
  code: string;
  type: PartyRef['type'];
  business_id: string | null;
  name_fi: string;
  name_sv: string;
  name_en: string;
  language: PartyRef['language'];
  required_signatures: number;
  settings_version: number;
  bodies: { id: string; kind: string; fi: string; sv: string; en: string }[];
  steps: { id: string; position: number; body_id: string | null; body_kind: string | null; fi: string; sv: string; role: StepRole }[];
  decisions: {
    id: string;
    step_id: string;
    version_id: string;
    version_number: number;
    fi: string;
    sv: string;
    meeting_date: string;
    section: string;
    diary_number: string;
    preparer: string;
    presenter: string;
    proposal: string;
    decision: string;
    outcome: DecisionOutcome;
    minutes_url: string | null;
    re_examines_id: string | null;
    recorded_at: string;
    recorded_by: string | null;
    row_version: number;
    corrected_at: string | null;
    annulled_at: string | null;
    annulled_by: string | null;
    annul_reason: string;
  }[];
  signatures: {
    id: string;
    version_id: string;
    version_number: number;
    sha256: string;
    method: SignatureMethod;
    signer_name: string;
    signer_title: string;
    signed_on: string;
    place: string;
    reference: string;
    recorded_at: string;
    revoked_at: string | null;
    revoked_by: string | null;
    revoke_reason: string;
    scan_sha256: string | null;
    scan_size: number | null;
    scan_type: ScanMediaType | null;
    scan_name: string | null;
  }[];
  comment_count: number;
  last_comment_at: Date | null;
  statement_at: Date | null;
  statement_version: number | null;
}

/**
 * Everything about every party's approval of one agreement — bodies, chain, decisions, signatures,
 * comments and statement — as one statement with one row per party (no query per party).
 */
export async function loadApprovalState(sql: Sql, agreementId: string, onlyPartyId?: string): Promise<PartyApprovalRow[]> {
  const rows = await sql.query<StateRow>(
    `SELECT p.id, p.code, p.type, p.business_id, p.name_fi, p.name_sv, p.name_en, p.language,
        coalesce(pa.required_signatures, 1) AS required_signatures, coalesce(pa.row_version, 0) AS settings_version,
        (SELECT coalesce(json_agg(json_build_object('id', b.id, 'kind', b.kind, 'fi', b.name_fi, 'sv', b.name_sv, 'en', b.name_en)
                  ORDER BY b.position, b.name_fi), '[]'::json)
           FROM party_body b WHERE b.party_id = p.id AND b.removed_at IS NULL) AS bodies,
        (SELECT coalesce(json_agg(json_build_object('id', s.id, 'position', s.position, 'body_id', s.body_id, 'body_kind', s.body_kind,
                  'fi', s.body_fi, 'sv', s.body_sv, 'role', s.role) ORDER BY s.position), '[]'::json)
           FROM agreement_approval_step s WHERE s.agreement_id = ap.agreement_id AND s.party_id = p.id AND s.removed_at IS NULL) AS steps,
        (SELECT coalesce(json_agg(json_build_object('id', d.id, 'step_id', d.step_id, 'version_id', d.version_id, 'version_number', v.number,
                  'fi', d.body_fi, 'sv', d.body_sv, 'meeting_date', d.meeting_date, 'section', d.section, 'diary_number', d.diary_number,
                  'preparer', d.preparer, 'presenter', d.presenter, 'proposal', d.proposal, 'decision', d.decision, 'outcome', d.outcome,
                  'minutes_url', d.minutes_url, 're_examines_id', d.re_examines_id, 'recorded_at', d.recorded_at, 'recorded_by', u.display_name,
                  'row_version', d.row_version, 'corrected_at', d.corrected_at, 'annulled_at', d.annulled_at, 'annulled_by', au.display_name,
                  'annul_reason', d.annul_reason)
                  ORDER BY d.meeting_date, d.recorded_at), '[]'::json)
           FROM agreement_decision d JOIN agreement_version v ON v.id = d.version_id LEFT JOIN app_user u ON u.id = d.recorded_by
             LEFT JOIN app_user au ON au.id = d.annulled_by
          WHERE d.agreement_id = ap.agreement_id AND d.party_id = p.id) AS decisions,
        (SELECT coalesce(json_agg(json_build_object('id', g.id, 'version_id', g.version_id, 'version_number', v.number, 'sha256', g.sha256,
                  'method', g.method, 'signer_name', g.signer_name, 'signer_title', g.signer_title, 'signed_on', g.signed_on,
                  'place', g.place, 'reference', g.reference, 'recorded_at', g.recorded_at, 'revoked_at', g.revoked_at, 'revoked_by', ru.display_name,
                  'revoke_reason', g.revoke_reason, 'scan_sha256', sc.sha256, 'scan_size', sc.size_bytes, 'scan_type', sc.media_type,
                  'scan_name', sc.file_name) ORDER BY g.signed_on, g.recorded_at), '[]'::json)
           FROM agreement_signature g JOIN agreement_version v ON v.id = g.version_id LEFT JOIN app_user ru ON ru.id = g.revoked_by
             LEFT JOIN agreement_signature_scan sc ON sc.signature_id = g.id
          WHERE g.agreement_id = ap.agreement_id AND g.party_id = p.id) AS signatures,
        c.comment_count, c.last_comment_at, st.created_at AS statement_at, st.number AS statement_version
       FROM agreement_party ap
       JOIN party p ON p.id = ap.party_id
       LEFT JOIN agreement_party_approval pa ON pa.agreement_id = ap.agreement_id AND pa.party_id = p.id
       LEFT JOIN LATERAL (
         SELECT count(*)::int AS comment_count, max(x.created_at) AS last_comment_at
           FROM agreement_comment x JOIN agreement_comment_round r ON r.id = x.round_id
          WHERE r.agreement_id = ap.agreement_id AND x.party_id = p.id AND x.kind = 'comment' AND x.withdrawn_at IS NULL) c ON true
       LEFT JOIN LATERAL (
         SELECT x.created_at, v.number
           FROM agreement_comment x JOIN agreement_comment_round r ON r.id = x.round_id JOIN agreement_version v ON v.id = r.version_id
          WHERE r.agreement_id = ap.agreement_id AND x.party_id = p.id AND x.kind = 'statement' AND x.withdrawn_at IS NULL
          ORDER BY r.opened_at DESC LIMIT 1) st ON true
      WHERE ap.agreement_id = $1 AND ($2::uuid IS NULL OR p.id = $2::uuid)
      ORDER BY CASE p.type WHEN 'wellbeing_services_county' THEN 0 WHEN 'city_of_helsinki' THEN 0 WHEN 'regional_council' THEN 1 ELSE 2 END,
        p.name_fi, p.code`,
    [agreementId, onlyPartyId && isUuid(onlyPartyId) ? onlyPartyId : null],
  );
  return rows.map((r) => ({
    party: { id: r.id, code: r.code, type: r.type, businessId: r.business_id, name: { fi: r.name_fi, sv: r.name_sv, en: r.name_en }, language: r.language },
    bodies: r.bodies.map((b) => ({ id: b.id, kind: b.kind, name: { fi: b.fi, sv: b.sv, en: b.en } })),
    steps: r.steps.map((s) => ({ id: s.id, position: s.position, bodyId: s.body_id, bodyKind: s.body_kind, body: { fi: s.fi, sv: s.sv }, role: s.role })),
    requiredSignatures: r.required_signatures,
    settingsVersion: r.settings_version,
    decisions: r.decisions.map((d) => ({
      id: d.id,
      partyId: r.id,
      stepId: d.step_id,
      versionId: d.version_id,
      versionNumber: d.version_number,
      body: { fi: d.fi, sv: d.sv },
      meetingDate: d.meeting_date,
      section: d.section,
      diaryNumber: d.diary_number,
      preparer: d.preparer,
      presenter: d.presenter,
      proposal: d.proposal,
      decision: d.decision,
      outcome: d.outcome,
      minutesUrl: d.minutes_url,
      reExaminesId: d.re_examines_id,
      recordedAt: new Date(d.recorded_at),
      recordedBy: d.recorded_by,
      rowVersion: d.row_version,
      correctedAt: d.corrected_at ? new Date(d.corrected_at) : null,
      annulled: d.annulled_at ? { at: new Date(d.annulled_at), by: d.annulled_by, reason: d.annul_reason } : null,
    })),
    signatures: r.signatures.map((g) => ({
      id: g.id,
      partyId: r.id,
      versionId: g.version_id,
      versionNumber: g.version_number,
      sha256: g.sha256,
      method: g.method,
      signerName: g.signer_name,
      signerTitle: g.signer_title,
      signedOn: g.signed_on,
      place: g.place,
      reference: g.reference,
      recordedAt: new Date(g.recorded_at),
      revoked: g.revoked_at ? { at: new Date(g.revoked_at), by: g.revoked_by, reason: g.revoke_reason } : null,
      scan: g.scan_sha256 ? { sha256: g.scan_sha256, sizeBytes: g.scan_size!, mediaType: g.scan_type!, fileName: g.scan_name! } : null,
    })),
    comments: { count: r.comment_count, lastAt: r.last_comment_at },
    statement: r.statement_at ? { filedAt: r.statement_at, versionNumber: r.statement_version! } : null,
  }));
}

// ───────────────────────────── chains ─────────────────────────────

export interface StepInsert {
  partyId: string;
  position: number;
  bodyId: string | null;
  bodyKind: string | null;
  bodyFi: string;
  bodySv: string;
  role: StepRole;
}

/** Inserts steps for any number of parties in one statement. */
export async function insertSteps(sql: Sql, agreementId: string, steps: readonly StepInsert[], now: Date): Promise<void> {
  if (steps.length === 0) return;
  await sql.query(
    `INSERT INTO agreement_approval_step (agreement_id, party_id, position, body_id, body_kind, body_fi, body_sv, role, created_at)
     SELECT $1, s.party_id, s.position, s.body_id, s.body_kind, s.body_fi, s.body_sv, s.role::approval_step_role, $9
       FROM unnest($2::uuid[], $3::int[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[])
         AS s(party_id, position, body_id, body_kind, body_fi, body_sv, role)`,
    [
      agreementId,
      steps.map((s) => s.partyId),
      steps.map((s) => s.position),
      steps.map((s) => s.bodyId),
      steps.map((s) => s.bodyKind),
      steps.map((s) => s.bodyFi),
      steps.map((s) => s.bodySv),
      steps.map((s) => s.role),
      now,
    ],
  );
}

export async function removeSteps(sql: Sql, agreementId: string, partyId: string, now: Date): Promise<void> {
  await sql.query('UPDATE agreement_approval_step SET removed_at = $3 WHERE agreement_id = $1 AND party_id = $2 AND removed_at IS NULL', [agreementId, partyId, now]);
}

/** Saves the party's settings if nobody saved since `expected` (0 = never saved); false on a stale form. */
export async function saveApprovalSettings(
  sql: Sql,
  agreementId: string,
  partyId: string,
  expected: number,
  requiredSignatures: number,
  userId: string | null,
  now: Date,
): Promise<boolean> {
  if (expected === 0) {
    const rows = await sql.query(
      `INSERT INTO agreement_party_approval (agreement_id, party_id, required_signatures, modified_by, modified_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING party_id`,
      [agreementId, partyId, requiredSignatures, userId, now],
    );
    return rows.length === 1;
  }
  const rows = await sql.query(
    `UPDATE agreement_party_approval SET required_signatures = $4, modified_by = $5, modified_at = $6, row_version = row_version + 1
      WHERE agreement_id = $1 AND party_id = $2 AND row_version = $3 RETURNING party_id`,
    [agreementId, partyId, expected, requiredSignatures, userId, now],
  );
  return rows.length === 1;
}

export async function findStep(sql: Sql, id: string): Promise<(ApprovalStep & { agreementId: string; partyId: string; removed: boolean }) | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await sql.query<{
    id: string;
    agreement_id: string;
    party_id: string;
    position: number;
    body_id: string | null;
    body_kind: string | null;
    body_fi: string;
    body_sv: string;
    role: StepRole;
    removed_at: Date | null;
  }>('SELECT id, agreement_id, party_id, position, body_id, body_kind, body_fi, body_sv, role, removed_at FROM agreement_approval_step WHERE id = $1', [id]);
  const r = rows[0];
  return (
    r && {
      id: r.id,
      agreementId: r.agreement_id,
      partyId: r.party_id,
      position: r.position,
      bodyId: r.body_id,
      bodyKind: r.body_kind,
      body: { fi: r.body_fi, sv: r.body_sv },
      role: r.role,
      removed: r.removed_at !== null,
    }
  );
}

// ───────────────────────────── decisions and signatures ─────────────────────────────

export async function insertDecision(
  sql: Sql,
  d: DecisionContents & { agreementId: string; partyId: string; recordedBy: string | null },
  now: Date,
): Promise<string> {
  const rows = await sql.query<{ id: string }>(
    `INSERT INTO agreement_decision (agreement_id, party_id, recorded_at, recorded_by, ${DECISION_COLUMNS.join(', ')})
     VALUES ($1, $2, $3, $4, ${DECISION_COLUMNS.map((_, i) => `$${i + 5}`).join(', ')}) RETURNING id`,
    [d.agreementId, d.partyId, now, d.recordedBy, ...decisionValues(d)],
  );
  return rows[0]!.id;
}

export interface DecisionRef {
  id: string;
  agreementId: string;
  partyId: string;
  stepId: string;
  meetingDate: string;
  rowVersion: number;
  annulled: boolean;
}

export async function findDecisionRef(sql: Sql, id: string): Promise<DecisionRef | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await sql.query<{ id: string; agreement_id: string; party_id: string; step_id: string; meeting_date: string; row_version: number; annulled_at: Date | null }>(
    'SELECT id, agreement_id, party_id, step_id, meeting_date, row_version, annulled_at FROM agreement_decision WHERE id = $1',
    [id],
  );
  const r = rows[0];
  return r && { id: r.id, agreementId: r.agreement_id, partyId: r.party_id, stepId: r.step_id, meetingDate: r.meeting_date, rowVersion: r.row_version, annulled: r.annulled_at !== null };
}

export interface DecisionContents {
  stepId: string;
  versionId: string;
  bodyFi: string;
  bodySv: string;
  meetingDate: string;
  section: string;
  diaryNumber: string;
  preparer: string;
  presenter: string;
  proposal: string;
  decision: string;
  outcome: DecisionOutcome;
  minutesUrl: string | null;
  reExaminesId: string | null;
}

/** The columns a decision record's contents go to, in the order of `decisionValues`. */
const DECISION_COLUMNS = ['step_id', 'version_id', 'body_fi', 'body_sv', 'meeting_date', 'section', 'diary_number', 'preparer', 'presenter', 'proposal', 'decision', 'outcome', 'minutes_url', 're_examines_id'] as const;
const decisionValues = (d: DecisionContents) => [d.stepId, d.versionId, d.bodyFi, d.bodySv, d.meetingDate, d.section, d.diaryNumber, d.preparer, d.presenter, d.proposal, d.decision, d.outcome, d.minutesUrl, d.reExaminesId];

/** Corrects a decision record if nobody changed it since `expected`; false on a stale form (or an annulled record). */
export async function updateDecision(sql: Sql, id: string, expected: number, d: DecisionContents, userId: string | null, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE agreement_decision SET ${DECISION_COLUMNS.map((c, i) => `${c} = $${i + 5}`).join(', ')},
        corrected_at = $3, corrected_by = $4, row_version = row_version + 1
      WHERE id = $1 AND row_version = $2 AND annulled_at IS NULL RETURNING id`,
    [id, expected, now, userId, ...decisionValues(d)],
  );
  return rows.length === 1;
}

/** Annuls a decision record if nobody changed it since `expected`; false on a stale form (or one already annulled). */
export async function annulDecisionRow(sql: Sql, id: string, expected: number, reason: string, userId: string | null, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE agreement_decision SET annulled_at = $3, annulled_by = $4, annul_reason = $5, row_version = row_version + 1
      WHERE id = $1 AND row_version = $2 AND annulled_at IS NULL RETURNING id`,
    [id, expected, now, userId, reason],
  );
  return rows.length === 1;
}

/** Later decisions that name this one as the decision they re-examine (not annulled). */
export async function countReExaminationsOf(sql: Sql, id: string): Promise<number> {
  const rows = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM agreement_decision WHERE re_examines_id = $1 AND annulled_at IS NULL', [id]);
  return rows[0]!.n;
}

export interface SignatureRef {
  id: string;
  agreementId: string;
  partyId: string;
  versionId: string;
  revoked: boolean;
}

export async function findSignatureRef(sql: Sql, id: string): Promise<SignatureRef | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await sql.query<{ id: string; agreement_id: string; party_id: string; version_id: string; revoked_at: Date | null }>(
    'SELECT id, agreement_id, party_id, version_id, revoked_at FROM agreement_signature WHERE id = $1',
    [id],
  );
  const r = rows[0];
  return r && { id: r.id, agreementId: r.agreement_id, partyId: r.party_id, versionId: r.version_id, revoked: r.revoked_at !== null };
}

/** Revokes a signature once; false when it was already revoked. */
export async function revokeSignatureRow(sql: Sql, id: string, reason: string, userId: string | null, now: Date): Promise<boolean> {
  const rows = await sql.query('UPDATE agreement_signature SET revoked_at = $2, revoked_by = $3, revoke_reason = $4 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [
    id,
    now,
    userId,
    reason,
  ]);
  return rows.length === 1;
}

export async function insertSignatureScan(
  sql: Sql,
  s: { signatureId: string; content: Uint8Array; sha256: string; mediaType: ScanMediaType; fileName: string; uploadedBy: string | null },
  now: Date,
): Promise<void> {
  await sql.query(
    `INSERT INTO agreement_signature_scan (signature_id, content, sha256, size_bytes, media_type, file_name, uploaded_at, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [s.signatureId, s.content, s.sha256, s.content.byteLength, s.mediaType, s.fileName, now, s.uploadedBy],
  );
}

export interface SignatureScan {
  signatureId: string;
  agreementId: string;
  versionId: string;
  content: Uint8Array;
  sha256: string;
  sizeBytes: number;
  mediaType: ScanMediaType;
  fileName: string;
}

export async function findSignatureScan(sql: Sql, signatureId: string): Promise<SignatureScan | undefined> {
  if (!isUuid(signatureId)) return undefined;
  const rows = await sql.query<{ signature_id: string; agreement_id: string; version_id: string; content: Uint8Array; sha256: string; size_bytes: number; media_type: ScanMediaType; file_name: string }>(
    `SELECT sc.signature_id, g.agreement_id, g.version_id, sc.content, sc.sha256, sc.size_bytes, sc.media_type, sc.file_name
       FROM agreement_signature_scan sc JOIN agreement_signature g ON g.id = sc.signature_id WHERE sc.signature_id = $1`,
    [signatureId],
  );
  const r = rows[0];
  return (
    r && {
      signatureId: r.signature_id,
      agreementId: r.agreement_id,
      versionId: r.version_id,
      content: r.content,
      sha256: r.sha256,
      sizeBytes: r.size_bytes,
      mediaType: r.media_type,
      fileName: r.file_name,
    }
  );
}

export async function insertSignature(
  sql: Sql,
  s: {
    agreementId: string;
    partyId: string;
    versionId: string;
    sha256: string;
    method: SignatureMethod;
    signerName: string;
    signerTitle: string;
    signedOn: string;
    place: string;
    reference: string;
    signerUserId: string | null;
    recordedBy: string | null;
  },
  now: Date,
): Promise<string> {
  const rows = await sql.query<{ id: string }>(
    `INSERT INTO agreement_signature (agreement_id, party_id, version_id, sha256, method, signer_name, signer_title, signed_on, place,
        reference, signer_user_id, recorded_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [s.agreementId, s.partyId, s.versionId, s.sha256, s.method, s.signerName, s.signerTitle, s.signedOn, s.place, s.reference, s.signerUserId, now, s.recordedBy],
  );
  return rows[0]!.id;
}

export async function findUserTitle(sql: Sql, userId: string): Promise<string | null> {
  const rows = await sql.query<{ title: string | null }>('SELECT title FROM app_user WHERE id = $1', [userId]);
  return rows[0]?.title ?? null;
}

// ───────────────────────────── statuses by date ─────────────────────────────

/** Agreements whose status the calendar can still move (signed, in force, or expired with a successor). */
export async function listDatedAgreementIds(sql: Sql): Promise<{ id: string; status: AgreementStatus }[]> {
  return sql.query<{ id: string; status: AgreementStatus }>(
    `SELECT a.id, a.status FROM agreement a
      WHERE a.enters_into_force_on IS NOT NULL
        AND (a.status IN ('signed_by_all', 'in_force') OR (a.status = 'expired' AND EXISTS (SELECT 1 FROM agreement s WHERE s.predecessor_id = a.id)))
      ORDER BY a.enters_into_force_on`,
  );
}

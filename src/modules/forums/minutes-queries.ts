import type { Row, Sql } from '#platform/db/db.ts';
import type { ActionItem, ActionItemRow, ActionStatus, AgendaItem, Conclusion, ItemAttachment, ItemLink, ItemTarget, MinutesChecker, PersonAttendance, Presence } from './minutes.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ───────────────────────────── agenda items ─────────────────────────────

interface ItemRow extends Row {
  id: string;
  meeting_id: string;
  position: number;
  section_number: number | null;
  title_fi: string;
  title_sv: string;
  presenter: string;
  body_fi: string;
  body_sv: string;
  link: ItemLink;
  agreement_version_id: string | null;
  goal_id: string | null;
  measure_id: string | null;
  report_agreement_id: string | null;
  report_year: number | null;
  summary_fi: string;
  summary_sv: string;
  conclusion: Conclusion | null;
  conclusion_text_fi: string;
  conclusion_text_sv: string;
  internal_note: string;
  row_version: number;
  version_agreement_id: string | null;
  version_number: number | null;
  version_label: string | null;
  version_agreement_title: string | null;
  goal_agreement_id: string | null;
  goal_title_fi: string | null;
  goal_title_sv: string | null;
  measure_goal_id: string | null;
  measure_agreement_id: string | null;
  measure_title_fi: string | null;
  measure_title_sv: string | null;
  report_agreement_title: string | null;
}

const ITEM_SELECT = `SELECT i.*, v.agreement_id AS version_agreement_id, v.number AS version_number, v.label AS version_label,
    va.title_fi AS version_agreement_title,
    g.agreement_id AS goal_agreement_id, g.title_fi AS goal_title_fi, g.title_sv AS goal_title_sv,
    gm.goal_id AS measure_goal_id, mg.agreement_id AS measure_agreement_id, gm.title_fi AS measure_title_fi, gm.title_sv AS measure_title_sv,
    ra.title_fi AS report_agreement_title
  FROM meeting_item i
  LEFT JOIN agreement_version v ON v.id = i.agreement_version_id
  LEFT JOIN agreement va ON va.id = v.agreement_id
  LEFT JOIN goal g ON g.id = i.goal_id
  LEFT JOIN goal_measure gm ON gm.id = i.measure_id
  LEFT JOIN goal mg ON mg.id = gm.goal_id
  LEFT JOIN agreement ra ON ra.id = i.report_agreement_id`;

function targetOf(r: ItemRow): ItemTarget {
  switch (r.link) {
    case 'agreement_version':
      return { link: 'agreement_version', agreementId: r.version_agreement_id!, versionId: r.agreement_version_id!, versionNumber: r.version_number!, label: r.version_label ?? '', agreementTitle: r.version_agreement_title ?? '' };
    case 'goal':
      return { link: 'goal', agreementId: r.goal_agreement_id!, goalId: r.goal_id!, title: { fi: r.goal_title_fi ?? '', sv: r.goal_title_sv ?? '' } };
    case 'measure':
      return { link: 'measure', agreementId: r.measure_agreement_id!, goalId: r.measure_goal_id!, measureId: r.measure_id!, title: { fi: r.measure_title_fi ?? '', sv: r.measure_title_sv ?? '' } };
    case 'annual_report':
      return { link: 'annual_report', agreementId: r.report_agreement_id!, year: r.report_year!, agreementTitle: r.report_agreement_title ?? '' };
    default:
      return { link: 'none' };
  }
}

const toItem = (r: ItemRow, attachments: ItemAttachment[]): AgendaItem => ({
  id: r.id,
  meetingId: r.meeting_id,
  position: r.position,
  section: r.section_number,
  title: { fi: r.title_fi, sv: r.title_sv },
  presenter: r.presenter,
  body: { fi: r.body_fi, sv: r.body_sv },
  target: targetOf(r),
  summary: { fi: r.summary_fi, sv: r.summary_sv },
  conclusion: r.conclusion,
  conclusionText: { fi: r.conclusion_text_fi, sv: r.conclusion_text_sv },
  internalNote: r.internal_note,
  attachments: attachments.filter((a) => a.itemId === r.id),
  rowVersion: r.row_version,
});

interface AttachmentRow extends Row {
  id: string;
  item_id: string;
  title: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: Date | string;
}
const toAttachment = (r: AttachmentRow): ItemAttachment => ({
  id: r.id,
  itemId: r.item_id,
  title: r.title,
  fileName: r.file_name,
  mediaType: r.media_type,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  uploadedAt: new Date(r.uploaded_at),
});
const ATTACHMENT_COLUMNS = 'a.id, a.item_id, a.title, a.file_name, a.media_type, a.size_bytes, a.sha256, a.uploaded_at';

export async function listItems(sql: Sql, meetingId: string): Promise<AgendaItem[]> {
  const rows = await sql.query<ItemRow>(`${ITEM_SELECT} WHERE i.meeting_id = $1 ORDER BY i.position`, [meetingId]);
  const atts = await sql.query<AttachmentRow>(
    `SELECT ${ATTACHMENT_COLUMNS} FROM meeting_item_attachment a JOIN meeting_item i ON i.id = a.item_id WHERE i.meeting_id = $1 ORDER BY a.uploaded_at, a.id`,
    [meetingId],
  );
  const attachments = atts.map(toAttachment);
  return rows.map((r) => toItem(r, attachments));
}

export async function findItem(sql: Sql, id: string): Promise<AgendaItem | undefined> {
  if (!UUID.test(id)) return undefined;
  const [r] = await sql.query<ItemRow>(`${ITEM_SELECT} WHERE i.id = $1`, [id]);
  if (!r) return undefined;
  const atts = await sql.query<AttachmentRow>(`SELECT ${ATTACHMENT_COLUMNS} FROM meeting_item_attachment a WHERE a.item_id = $1 ORDER BY a.uploaded_at, a.id`, [id]);
  return toItem(r, atts.map(toAttachment));
}

/** The columns of the item's link (all null but the one its kind uses). */
export interface ItemLinkColumns {
  link: ItemLink;
  agreementVersionId: string | null;
  goalId: string | null;
  measureId: string | null;
  reportAgreementId: string | null;
  reportYear: number | null;
}

export interface ItemAgendaFields extends ItemLinkColumns {
  section: number | null;
  titleFi: string;
  titleSv: string;
  presenter: string;
  bodyFi: string;
  bodySv: string;
}

export async function insertItem(sql: Sql, meetingId: string, f: ItemAgendaFields, now: Date): Promise<string> {
  const [r] = await sql.query<{ id: string }>(
    `INSERT INTO meeting_item (meeting_id, position, title_fi, title_sv, presenter, body_fi, body_sv, link, agreement_version_id, goal_id, measure_id,
                               report_agreement_id, report_year, created_at, modified_at, section_number)
     VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM meeting_item WHERE meeting_id = $1), $2, $3, $4, $5, $6, $7::text::meeting_item_link, $8, $9, $10, $11, $12, $13, $13, $14)
     RETURNING id`,
    [meetingId, f.titleFi, f.titleSv, f.presenter, f.bodyFi, f.bodySv, f.link, f.agreementVersionId, f.goalId, f.measureId, f.reportAgreementId, f.reportYear, now, f.section],
  );
  return r!.id;
}

export async function updateItemAgenda(sql: Sql, id: string, rowVersion: number, f: ItemAgendaFields, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE meeting_item SET title_fi = $3, title_sv = $4, presenter = $5, body_fi = $6, body_sv = $7, link = $8::text::meeting_item_link,
        agreement_version_id = $9, goal_id = $10, measure_id = $11, report_agreement_id = $12, report_year = $13,
        section_number = $15, row_version = row_version + 1, modified_at = $14
      WHERE id = $1 AND row_version = $2 RETURNING id`,
    [id, rowVersion, f.titleFi, f.titleSv, f.presenter, f.bodyFi, f.bodySv, f.link, f.agreementVersionId, f.goalId, f.measureId, f.reportAgreementId, f.reportYear, now, f.section],
  );
  return rows.length === 1;
}

export interface ItemMinutesFields {
  summaryFi: string;
  summarySv: string;
  conclusion: Conclusion | null;
  conclusionTextFi: string;
  conclusionTextSv: string;
  internalNote: string;
}

export async function updateItemMinutes(sql: Sql, id: string, rowVersion: number, f: ItemMinutesFields, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE meeting_item SET summary_fi = $3, summary_sv = $4, conclusion = $5::text::meeting_item_conclusion, conclusion_text_fi = $6, conclusion_text_sv = $7,
        internal_note = $8, row_version = row_version + 1, modified_at = $9
      WHERE id = $1 AND row_version = $2 RETURNING id`,
    [id, rowVersion, f.summaryFi, f.summarySv, f.conclusion, f.conclusionTextFi, f.conclusionTextSv, f.internalNote, now],
  );
  return rows.length === 1;
}

/** Removes an item and closes the gap in the numbering. */
export async function deleteItem(sql: Sql, id: string, rowVersion: number): Promise<boolean> {
  const [r] = await sql.query<{ meeting_id: string; position: number }>(`DELETE FROM meeting_item WHERE id = $1 AND row_version = $2 RETURNING meeting_id, position`, [id, rowVersion]);
  if (!r) return false;
  await sql.query(`UPDATE meeting_item SET position = position - 1 WHERE meeting_id = $1 AND position > $2`, [r.meeting_id, r.position]);
  return true;
}

/** Swaps an item with its neighbour (-1 up, +1 down): 'stale' when the item changed, 'edge' when there is no neighbour. */
export async function moveItem(sql: Sql, id: string, rowVersion: number, delta: -1 | 1, now: Date): Promise<'moved' | 'stale' | 'edge'> {
  const [me] = await sql.query<{ meeting_id: string; position: number }>(`SELECT meeting_id, position FROM meeting_item WHERE id = $1 AND row_version = $2 FOR UPDATE`, [id, rowVersion]);
  if (!me) return 'stale';
  const swapped = await sql.query(
    `UPDATE meeting_item SET position = $3, row_version = row_version + 1, modified_at = $4 WHERE meeting_id = $1 AND position = $2 RETURNING id`,
    [me.meeting_id, me.position + delta, me.position, now],
  );
  if (swapped.length !== 1) return 'edge';
  await sql.query(`UPDATE meeting_item SET position = $2, row_version = row_version + 1, modified_at = $3 WHERE id = $1`, [id, me.position + delta, now]);
  return 'moved';
}

export async function insertAttachment(
  sql: Sql,
  itemId: string,
  f: { title: string; content: Buffer; fileName: string; mediaType: string },
  userId: string | null,
  now: Date,
): Promise<string> {
  const [r] = await sql.query<{ id: string }>(
    `INSERT INTO meeting_item_attachment (item_id, title, content, file_name, media_type, sha256, size_bytes, uploaded_at, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, encode(sha256($3), 'hex'), octet_length($3), $6, $7) RETURNING id`,
    [itemId, f.title, f.content, f.fileName, f.mediaType, now, userId],
  );
  return r!.id;
}

export async function findAttachment(sql: Sql, id: string): Promise<(ItemAttachment & { meetingId: string; content: Buffer }) | undefined> {
  if (!UUID.test(id)) return undefined;
  const [r] = await sql.query<AttachmentRow & { meeting_id: string; content: Buffer | Uint8Array }>(
    `SELECT ${ATTACHMENT_COLUMNS}, a.content, i.meeting_id FROM meeting_item_attachment a JOIN meeting_item i ON i.id = a.item_id WHERE a.id = $1`,
    [id],
  );
  return r && { ...toAttachment(r), meetingId: r.meeting_id, content: Buffer.from(r.content) };
}

export async function deleteAttachment(sql: Sql, id: string): Promise<boolean> {
  return (await sql.query(`DELETE FROM meeting_item_attachment WHERE id = $1 RETURNING id`, [id])).length === 1;
}

/** Raises the meeting's row version (the lock of what is written on the meeting as a whole). */
export async function touchMeeting(sql: Sql, id: string, rowVersion: number, now: Date, opts: { agendaPublished?: boolean } = {}): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE meeting SET row_version = row_version + 1, modified_at = $3,
        agenda_published_at = CASE WHEN $4::boolean THEN $3 ELSE agenda_published_at END
      WHERE id = $1 AND row_version = $2 RETURNING id`,
    [id, rowVersion, now, opts.agendaPublished ?? false],
  );
  return rows.length === 1;
}

/** What an item may handle in a region: the named thing exists and belongs to one of the region's agreements. */
export async function linkBelongsToRegion(sql: Sql, countyCode: string, l: ItemLinkColumns): Promise<boolean> {
  const one = async (q: string, id: string | null) => id !== null && UUID.test(id) && (await sql.query(q, [id, countyCode])).length === 1;
  switch (l.link) {
    case 'agreement_version':
      return one(`SELECT 1 FROM agreement_version v JOIN agreement a ON a.id = v.agreement_id WHERE v.id = $1 AND a.county_code = $2`, l.agreementVersionId);
    case 'goal':
      return one(`SELECT 1 FROM goal g JOIN agreement a ON a.id = g.agreement_id WHERE g.id = $1 AND a.county_code = $2`, l.goalId);
    case 'measure':
      return one(`SELECT 1 FROM goal_measure m JOIN goal g ON g.id = m.goal_id JOIN agreement a ON a.id = g.agreement_id WHERE m.id = $1 AND a.county_code = $2`, l.measureId);
    case 'annual_report':
      return one(`SELECT 1 FROM agreement a WHERE a.id = $1 AND a.county_code = $2`, l.reportAgreementId);
    default:
      return true;
  }
}

export interface LinkOptions {
  agreements: { id: string; title: { fi: string; sv: string }; validFrom: string }[];
  versions: { id: string; agreementId: string; number: number; label: string }[];
  goals: { id: string; agreementId: string; title: { fi: string; sv: string } }[];
  measures: { id: string; goalId: string; title: { fi: string; sv: string } }[];
}

/** The region's agreements with their published versions, goals and measures (the choices for what an item handles). */
export async function listLinkOptions(sql: Sql, countyCode: string): Promise<LinkOptions> {
  const agreements = await sql.query<{ id: string; title_fi: string; title_sv: string; valid_from: string }>(
    `SELECT id, title_fi, title_sv, valid_from::text AS valid_from FROM agreement WHERE county_code = $1 ORDER BY valid_from DESC, id`,
    [countyCode],
  );
  const ids = agreements.map((a) => a.id);
  const versions = await sql.query<{ id: string; agreement_id: string; number: number; label: string }>(
    `SELECT id, agreement_id, number, label FROM agreement_version WHERE agreement_id = ANY($1::uuid[]) ORDER BY agreement_id, number DESC`,
    [ids],
  );
  const goals = await sql.query<{ id: string; agreement_id: string; title_fi: string; title_sv: string }>(
    `SELECT id, agreement_id, title_fi, title_sv FROM goal WHERE agreement_id = ANY($1::uuid[]) ORDER BY agreement_id, position, id`,
    [ids],
  );
  const measures = await sql.query<{ id: string; goal_id: string; title_fi: string; title_sv: string }>(
    `SELECT m.id, m.goal_id, m.title_fi, m.title_sv FROM goal_measure m JOIN goal g ON g.id = m.goal_id WHERE g.agreement_id = ANY($1::uuid[]) ORDER BY m.goal_id, m.position, m.id`,
    [ids],
  );
  return {
    agreements: agreements.map((a) => ({ id: a.id, title: { fi: a.title_fi, sv: a.title_sv }, validFrom: a.valid_from })),
    versions: versions.map((v) => ({ id: v.id, agreementId: v.agreement_id, number: v.number, label: v.label })),
    goals: goals.map((g) => ({ id: g.id, agreementId: g.agreement_id, title: { fi: g.title_fi, sv: g.title_sv } })),
    measures: measures.map((m) => ({ id: m.id, goalId: m.goal_id, title: { fi: m.title_fi, sv: m.title_sv } })),
  };
}

export interface VersionPresentationRow {
  meetingId: string;
  itemId: string;
  versionId: string;
  versionNumber: number;
  forumId: string;
  forumName: { fi: string; sv: string };
  meetingTitle: { fi: string; sv: string };
  startsAt: Date;
  state: string;
  position: number;
}

/** The meetings (not cancelled) whose agenda has an item presenting a version of the agreement. */
export async function listVersionPresentations(sql: Sql, agreementId: string): Promise<VersionPresentationRow[]> {
  const rows = await sql.query<{
    meeting_id: string;
    item_id: string;
    version_id: string;
    number: number;
    forum_id: string;
    name_fi: string;
    name_sv: string;
    title_fi: string;
    title_sv: string;
    starts_at: Date | string;
    state: string;
    position: number;
  }>(
    `SELECT m.id AS meeting_id, i.id AS item_id, v.id AS version_id, v.number, f.id AS forum_id, f.name_fi, f.name_sv, m.title_fi, m.title_sv, m.starts_at, m.state::text AS state, i.position
       FROM meeting_item i JOIN agreement_version v ON v.id = i.agreement_version_id JOIN meeting m ON m.id = i.meeting_id JOIN forum f ON f.id = m.forum_id
      WHERE v.agreement_id = $1 AND m.state <> 'cancelled' ORDER BY m.starts_at, i.position`,
    [agreementId],
  );
  return rows.map((r) => ({
    meetingId: r.meeting_id,
    itemId: r.item_id,
    versionId: r.version_id,
    versionNumber: r.number,
    forumId: r.forum_id,
    forumName: { fi: r.name_fi, sv: r.name_sv },
    meetingTitle: { fi: r.title_fi, sv: r.title_sv },
    startsAt: new Date(r.starts_at),
    state: r.state,
    position: r.position,
  }));
}

// ───────────────────────────── attendance per person ─────────────────────────────

export async function listPersonAttendance(sql: Sql, meetingId: string): Promise<PersonAttendance[]> {
  const rows = await sql.query<{
    id: string;
    position: number;
    person_name: string;
    party_id: string | null;
    forum_member_id: string | null;
    invitee_id: string | null;
    presence: Presence;
    deputy_for: string;
    left_at_item: number | null;
  }>(`SELECT * FROM meeting_person_attendance WHERE meeting_id = $1 ORDER BY position, id`, [meetingId]);
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    personName: r.person_name,
    partyId: r.party_id,
    forumMemberId: r.forum_member_id,
    inviteeId: r.invitee_id,
    presence: r.presence,
    deputyFor: r.deputy_for,
    leftAtItem: r.left_at_item,
  }));
}

export type PersonAttendanceInput = Omit<PersonAttendance, 'id' | 'position'>;

export async function replacePersonAttendance(sql: Sql, meetingId: string, rows: readonly PersonAttendanceInput[]): Promise<void> {
  await sql.query(`DELETE FROM meeting_person_attendance WHERE meeting_id = $1`, [meetingId]);
  let position = 0;
  for (const r of rows) {
    await sql.query(
      `INSERT INTO meeting_person_attendance (meeting_id, position, person_name, party_id, forum_member_id, invitee_id, presence, deputy_for, left_at_item)
       VALUES ($1, $2, $3, $4, $5, $6, $7::text::meeting_presence, $8, $9)`,
      [meetingId, ++position, r.personName, r.partyId, r.forumMemberId, r.inviteeId, r.presence, r.deputyFor, r.leftAtItem],
    );
  }
}

// ───────────────────────────── minutes checkers ─────────────────────────────

export async function listCheckers(sql: Sql, meetingId: string): Promise<MinutesChecker[]> {
  const rows = await sql.query<{ position: 1 | 2; user_id: string; person_name: string; checked_at: Date | string | null }>(
    `SELECT position, user_id, person_name, checked_at FROM meeting_minutes_checker WHERE meeting_id = $1 ORDER BY position`,
    [meetingId],
  );
  return rows.map((r) => ({ position: r.position, userId: r.user_id, personName: r.person_name, checkedAt: r.checked_at ? new Date(r.checked_at) : null }));
}

export async function replaceCheckers(sql: Sql, meetingId: string, checkers: readonly { userId: string; personName: string }[]): Promise<void> {
  await sql.query(`DELETE FROM meeting_minutes_checker WHERE meeting_id = $1`, [meetingId]);
  let position = 0;
  for (const c of checkers) {
    await sql.query(`INSERT INTO meeting_minutes_checker (meeting_id, position, user_id, person_name) VALUES ($1, $2, $3, $4)`, [meetingId, ++position, c.userId, c.personName]);
  }
}

export async function markChecked(sql: Sql, meetingId: string, userId: string, now: Date): Promise<void> {
  await sql.query(`UPDATE meeting_minutes_checker SET checked_at = $3 WHERE meeting_id = $1 AND user_id = $2`, [meetingId, userId, now]);
}

/**
 * A change to the minutes: the checkers check again, and the meeting's row version rises so that a confirmation
 * made from the page as it was before the change is refused.
 */
export async function resetChecks(sql: Sql, meetingId: string, now?: Date): Promise<void> {
  await sql.query(`UPDATE meeting_minutes_checker SET checked_at = NULL WHERE meeting_id = $1 AND checked_at IS NOT NULL`, [meetingId]);
  if (now) await sql.query(`UPDATE meeting SET row_version = row_version + 1, modified_at = $2 WHERE id = $1`, [meetingId, now]);
}

// ───────────────────────────── action items ─────────────────────────────

interface ActionRow extends Row {
  id: string;
  meeting_id: string;
  item_id: string | null;
  item_position: number | null;
  title: string;
  owner_party_id: string;
  owner_person: string;
  due_on: string;
  status: ActionStatus;
  closed_note: string;
  closed_at: Date | string | null;
  row_version: number;
}

const ACTION_COLUMNS = `x.id, x.meeting_id, x.item_id, i.position AS item_position, x.title, x.owner_party_id, x.owner_person, x.due_on::text AS due_on,
    x.status::text AS status, x.closed_note, x.closed_at, x.row_version`;
const ACTION_SELECT = `SELECT ${ACTION_COLUMNS} FROM meeting_action x LEFT JOIN meeting_item i ON i.id = x.item_id`;

const toAction = (r: ActionRow): ActionItem => ({
  id: r.id,
  meetingId: r.meeting_id,
  itemId: r.item_id,
  itemPosition: r.item_position,
  title: r.title,
  ownerPartyId: r.owner_party_id,
  ownerPerson: r.owner_person,
  dueOn: r.due_on,
  status: r.status,
  closedNote: r.closed_note,
  closedAt: r.closed_at ? new Date(r.closed_at) : null,
  rowVersion: r.row_version,
});

export async function listActionsOfMeeting(sql: Sql, meetingId: string): Promise<ActionItem[]> {
  return (await sql.query<ActionRow>(`${ACTION_SELECT} WHERE x.meeting_id = $1 ORDER BY x.due_on, x.created_at, x.id`, [meetingId])).map(toAction);
}

export async function findAction(sql: Sql, id: string): Promise<ActionItem | undefined> {
  if (!UUID.test(id)) return undefined;
  const [r] = await sql.query<ActionRow>(`${ACTION_SELECT} WHERE x.id = $1`, [id]);
  return r && toAction(r);
}

export async function insertAction(
  sql: Sql,
  meetingId: string,
  f: { itemId: string | null; title: string; ownerPartyId: string; ownerPerson: string; dueOn: string },
  now: Date,
): Promise<string> {
  const [r] = await sql.query<{ id: string }>(
    `INSERT INTO meeting_action (meeting_id, item_id, title, owner_party_id, owner_person, due_on, created_at, modified_at)
     VALUES ($1, $2, $3, $4, $5, $6::date, $7, $7) RETURNING id`,
    [meetingId, f.itemId, f.title, f.ownerPartyId, f.ownerPerson, f.dueOn, now],
  );
  return r!.id;
}

export async function closeActionRow(sql: Sql, id: string, rowVersion: number, status: 'done' | 'cancelled', note: string, userId: string | null, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE meeting_action SET status = $3::text::meeting_action_status, closed_note = $4, closed_at = $5, closed_by = $6, row_version = row_version + 1, modified_at = $5
      WHERE id = $1 AND row_version = $2 AND status = 'open' RETURNING id`,
    [id, rowVersion, status, note, now, userId],
  );
  return rows.length === 1;
}

export async function deleteAction(sql: Sql, id: string, rowVersion: number): Promise<boolean> {
  return (await sql.query(`DELETE FROM meeting_action WHERE id = $1 AND row_version = $2 RETURNING id`, [id, rowVersion])).length === 1;
}

interface ActionWithMeetingRow extends ActionRow {
  meeting_title_fi: string;
  meeting_title_sv: string;
  meeting_starts_at: Date | string;
  forum_id: string;
  forum_name_fi: string;
  forum_name_sv: string;
  county_code: string;
  is_public: boolean;
  meeting_state: string;
}

const ACTION_WITH_MEETING = `SELECT ${ACTION_COLUMNS},
    m.title_fi AS meeting_title_fi, m.title_sv AS meeting_title_sv, m.starts_at AS meeting_starts_at, m.state::text AS meeting_state,
    f.id AS forum_id, f.name_fi AS forum_name_fi, f.name_sv AS forum_name_sv, f.county_code, f.is_public
  FROM meeting_action x JOIN meeting m ON m.id = x.meeting_id JOIN forum f ON f.id = m.forum_id LEFT JOIN meeting_item i ON i.id = x.item_id`;

const toActionRow = (r: ActionWithMeetingRow): ActionItemRow & { forumIsPublic: boolean; meetingState: string } => ({
  ...toAction(r),
  meetingTitle: { fi: r.meeting_title_fi, sv: r.meeting_title_sv },
  meetingStartsAt: new Date(r.meeting_starts_at),
  forumId: r.forum_id,
  forumName: { fi: r.forum_name_fi, sv: r.forum_name_sv },
  countyCode: r.county_code,
  forumIsPublic: r.is_public,
  meetingState: r.meeting_state,
});

/** The action items of a region's forums (open ones, or all with `includeClosed`). */
export async function listActionsOfRegion(sql: Sql, countyCode: string, includeClosed: boolean) {
  const rows = await sql.query<ActionWithMeetingRow>(
    `${ACTION_WITH_MEETING} WHERE f.county_code = $1 AND ($2::boolean OR x.status = 'open') ORDER BY x.due_on, x.id`,
    [countyCode, includeClosed],
  );
  return rows.map(toActionRow);
}

/** The action items a party owns. */
export async function listActionsOfParty(sql: Sql, partyId: string, includeClosed: boolean) {
  const rows = await sql.query<ActionWithMeetingRow>(
    `${ACTION_WITH_MEETING} WHERE x.owner_party_id = $1 AND ($2::boolean OR x.status = 'open') ORDER BY x.due_on, x.id`,
    [partyId, includeClosed],
  );
  return rows.map(toActionRow);
}

import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { invalid, type FieldIssue } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput, zodIssues } from '#platform/validation.ts';
import { forumPolicy } from './forum-policy.ts';
import { regionPartyIds } from './forum-queries.ts';
import { listInvitees } from './invitation-queries.ts';
import { assertMinutesOpen, lockMinutes, meetingRecord } from './minutes-access.ts';
import type { PersonAttendance } from './minutes.ts';
import { listItems, listPersonAttendance, replacePersonAttendance, type PersonAttendanceInput } from './minutes-queries.ts';
import { ZAttendanceLine, ZPersonAttendance } from './minutes-schemas.ts';

/**
 * Records who attended, per person, from the minutes: a forum member or an invitee ('member:<id>', 'invitee:<id>'),
 * or someone else by name and party; present, absent or deputy for a named member; and the item during which a
 * person left. Each issue names its line (`lines.N.field`, N from 1). The whole list is replaced at once.
 */
export async function recordPersonAttendance(ctx: Ctx, meetingId: string, input: unknown): Promise<PersonAttendance[]> {
  const { meeting, forum, subject } = await meetingRecord(ctx.db, meetingId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  const f = parseInput(ZPersonAttendance, input);
  assertMinutesOpen(meeting, 'rowVersion');
  const invitees = await listInvitees(ctx.db, meetingId);
  const regionParties = new Set(await regionPartyIds(ctx.db, forum.countyCode));
  const itemCount = (await listItems(ctx.db, meetingId)).length;
  const issues: FieldIssue[] = [];
  const rows: PersonAttendanceInput[] = [];
  const seen = new Map<string, number>();
  f.lines.forEach((raw, index) => {
    const n = index + 1;
    const at = (field: string) => `lines.${n}.${field}`;
    const parsed = ZAttendanceLine.safeParse(raw);
    if (!parsed.success) {
      for (const i of zodIssues(parsed.error)) issues.push({ ...i, field: at(i.field) });
      return;
    }
    const l = parsed.data;
    if (l.presence === '') return; // not recorded
    let row: PersonAttendanceInput;
    if (l.person) {
      const [kind, id] = l.person.split(':', 2);
      const member = kind === 'member' ? forum.members.find((m) => m.id === id && m.personName) : undefined;
      const invitee = kind === 'invitee' ? invitees.find((i) => i.id === id && i.personName) : undefined;
      if (!member && !invitee) {
        issues.push({ field: at('person'), code: 'unknown_person', params: { line: n } });
        return;
      }
      row = member
        ? { personName: member.personName!, partyId: member.partyId, forumMemberId: member.id, inviteeId: null, presence: l.presence, deputyFor: l.deputyFor, leftAtItem: l.leftAtItem === '' ? null : l.leftAtItem }
        : { personName: invitee!.personName!, partyId: invitee!.partyId, forumMemberId: invitee!.forumMemberId, inviteeId: invitee!.id, presence: l.presence, deputyFor: l.deputyFor, leftAtItem: l.leftAtItem === '' ? null : l.leftAtItem };
    } else {
      if (!l.personName) {
        issues.push({ field: at('personName'), code: 'required' });
        return;
      }
      if (l.partyId && !regionParties.has(l.partyId)) {
        issues.push({ field: at('partyId'), code: 'participant_not_in_region' });
        return;
      }
      row = { personName: l.personName, partyId: l.partyId || null, forumMemberId: null, inviteeId: null, presence: l.presence, deputyFor: l.deputyFor, leftAtItem: l.leftAtItem === '' ? null : l.leftAtItem };
    }
    if (row.presence === 'deputy' && !row.deputyFor) issues.push({ field: at('deputyFor'), code: 'deputy_for_required' });
    if (row.presence !== 'deputy' && row.deputyFor) issues.push({ field: at('deputyFor'), code: 'deputy_only' });
    if (row.presence === 'absent' && row.leftAtItem !== null) issues.push({ field: at('leftAtItem'), code: 'absent_cannot_leave' });
    if (row.leftAtItem !== null && row.leftAtItem > itemCount) issues.push({ field: at('leftAtItem'), code: 'no_such_item', params: { count: itemCount } });
    const key = row.personName.trim().toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) issues.push({ field: at(l.person ? 'person' : 'personName'), code: 'duplicate_attendance', params: { line: first } });
    else seen.set(key, n);
    rows.push(row);
  });
  if (issues.length) throw invalid(issues);
  return ctx.db.transaction(async (tx) => {
    await lockMinutes(tx, ctx, meetingId, f.rowVersion);
    const before = await listPersonAttendance(tx, meetingId);
    await replacePersonAttendance(tx, meetingId, rows);
    const after = await listPersonAttendance(tx, meetingId);
    const view = (a: PersonAttendance[]) => a.map((r) => ({ name: r.personName, party_id: r.partyId, presence: r.presence, deputy_for: r.deputyFor, left_at_item: r.leftAtItem }));
    await recordAudit(tx, ctx, { partyId: forum.ownerPartyId, action: 'meeting.record_person_attendance', targetType: 'meeting', targetId: meetingId, before: { people: view(before) }, after: { people: view(after) } });
    return after;
  });
}

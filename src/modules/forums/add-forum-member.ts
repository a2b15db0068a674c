import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { invalid, type FieldIssue } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import type { ForumMember } from './forum.ts';
import { forumWithSubject } from './forum-access.ts';
import { forumPolicy } from './forum-policy.ts';
import { bumpForum, findUserIdByEmail, insertMember } from './forum-queries.ts';
import { ZAddMember } from './forum-schemas.ts';

/**
 * Adds a member: a party of the region (or a group of them), a named person (for a party), or both, with a role;
 * a deputy member names whose deputy they are. A person with an account (same e-mail) is linked to it.
 */
export async function addForumMember(ctx: Ctx, forumId: string, input: unknown): Promise<ForumMember> {
  const { forum, subject } = await forumWithSubject(ctx.db, forumId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  const m = parseInput(ZAddMember, input);
  const issues: FieldIssue[] = [];
  if (m.party.partyId && !subject.regionPartyIds.includes(m.party.partyId)) issues.push({ field: 'party', code: 'party_not_in_region' });
  if (m.deputyOf && !forum.members.some((x) => x.id === m.deputyOf)) issues.push({ field: 'deputyOf', code: 'unknown_member' });
  if (m.email && forum.members.some((x) => x.email === m.email)) issues.push({ field: 'email', code: 'member_already_listed' });
  if (issues.length) throw invalid(issues);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const userId = m.email ? await findUserIdByEmail(tx, m.email) : null;
    const member = await insertMember(
      tx,
      forumId,
      {
        partyId: m.party.partyId,
        group: m.party.group,
        personName: m.personName || null,
        email: m.email || null,
        userId,
        role: m.role,
        roleNoteFi: m.roleNoteFi,
        roleNoteSv: m.roleNoteSv,
        deputyOf: m.deputyOf || null,
      },
      now,
    );
    await bumpForum(tx, forumId, now);
    await recordAudit(tx, ctx, {
      partyId: forum.ownerPartyId,
      action: 'forum.add_member',
      targetType: 'forum',
      targetId: forumId,
      after: { member_id: member.id, party_id: member.partyId, group: member.group, person_name: member.personName, role: member.role, deputy_of: member.deputyOf },
    });
    return member;
  });
}

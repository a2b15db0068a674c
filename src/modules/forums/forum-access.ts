import type { Sql } from '#platform/db/db.ts';
import { notFound } from '#platform/errors.ts';
import type { Forum } from './forum.ts';
import type { ForumSubject } from './forum-policy.ts';
import { findForum, forumSubject, regionPartyIds } from './forum-queries.ts';

/** Shared steps of the use cases (not exported from the module). */
export async function forumWithSubject(sql: Sql, id: string): Promise<{ forum: Forum; subject: ForumSubject }> {
  const forum = await findForum(sql, id);
  if (!forum) throw notFound('forums.not_found');
  return { forum, subject: forumSubject(forum, await regionPartyIds(sql, forum.countyCode)) };
}

export const forumAuditView = (f: Forum) => ({
  name_fi: f.name.fi,
  name_sv: f.name.sv,
  level: f.level,
  ends_on: f.endsOn,
  mandate_fi: f.mandate.fi,
  mandate_sv: f.mandate.sv,
  frequency: f.frequency,
  frequency_note_fi: f.frequencyNote.fi,
  frequency_note_sv: f.frequencyNote.sv,
  is_public: f.isPublic,
});

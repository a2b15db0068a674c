import type { Ctx } from '#platform/context.ts';
import { can } from '#platform/policy.ts';
import { forumPolicy } from './forum-policy.ts';
import { forumWithSubject } from './forum-access.ts';
import { listVersionPresentations, type VersionPresentationRow } from './minutes-queries.ts';

/**
 * Where an agreement's versions were presented in forum meetings: held meetings whose agenda had an item handling a
 * version, in the forums the actor may see. (The agreement's earlier presentation records stay with the agreement.)
 */
export async function listAgreementPresentations(ctx: Ctx, agreementId: string): Promise<VersionPresentationRow[]> {
  const rows = (await listVersionPresentations(ctx.db, agreementId)).filter((r) => r.state === 'held' || r.state === 'minutes_approved' || r.state === 'published');
  const visible = new Map<string, boolean>();
  for (const r of rows) {
    if (!visible.has(r.forumId)) visible.set(r.forumId, can(forumPolicy, 'forum.view', ctx.actor, (await forumWithSubject(ctx.db, r.forumId)).subject));
  }
  return rows.filter((r) => visible.get(r.forumId));
}

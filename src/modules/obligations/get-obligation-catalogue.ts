import type { Ctx } from '#platform/context.ts';
import { can } from '#platform/policy.ts';
import type { Catalogue } from './catalogue.ts';
import { obligationPolicy } from './obligation-policy.ts';
import { loadCatalogue } from './obligation-queries.ts';

/** The catalogue in use (public) and whether the actor may edit its texts. */
export async function getObligationCatalogue(ctx: Ctx): Promise<Catalogue & { canEdit: boolean }> {
  return { ...(await loadCatalogue(ctx.db)), canEdit: can(obligationPolicy, 'obligation.edit_catalogue', ctx.actor, { partyId: null }) };
}

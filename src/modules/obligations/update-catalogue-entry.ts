import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import type { Catalogue } from './catalogue.ts';
import { obligationOr400 } from './obligation-access.ts';
import { obligationPolicy } from './obligation-policy.ts';
import { loadCatalogue, saveCatalogueEdit } from './obligation-queries.ts';
import { ZCatalogueEdit } from './obligation-schemas.ts';

/**
 * A platform administrator edits a catalogue entry's texts (provision, Finlex link, quote, source), e.g. after
 * an amendment. Statuses do not change (they depend on who is obliged, how often and what counts, as shipped);
 * the catalogue's edition rises. A stale form is a conflict with the current texts, never a lost update.
 */
export async function updateCatalogueEntry(ctx: Ctx, code: string, input: unknown): Promise<Catalogue> {
  assertCan(obligationPolicy, 'obligation.edit_catalogue', ctx.actor, { partyId: null });
  const o = obligationOr400(code);
  const f = parseInput(ZCatalogueEdit, input);
  return ctx.db.transaction(async (tx) => {
    const before = (await loadCatalogue(tx)).obligations.find((x) => x.code === o.code)!;
    if (!(await saveCatalogueEdit(tx, { code: o.code, law: f.law, finlexUrl: f.finlexUrl, quote: f.quote, source: f.source }, f.rowVersion, ctx.clock.now()))) {
      throw conflict('obligations.edited_by_someone_else', { current: before });
    }
    await recordAudit(tx, ctx, {
      partyId: null,
      action: 'obligation_catalogue.edit',
      targetType: 'obligation',
      targetId: o.code,
      before: { code: o.code, law: before.law, finlex_url: before.finlexUrl, quote: before.quote, source: before.source },
      after: { code: o.code, law: f.law, finlex_url: f.finlexUrl, quote: f.quote, source: f.source },
    });
    return loadCatalogue(tx);
  });
}

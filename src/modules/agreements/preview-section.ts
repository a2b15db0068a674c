import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import type { Bilingual } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { renderMarkdown } from './markdown.ts';
import { ZSectionInput } from './agreement-schemas.ts';

/** Renders an editor's unsaved section text the way the agreement page will show it. Saves nothing. */
export async function previewSection(ctx: Ctx, agreementId: string, input: unknown): Promise<{ heading: Bilingual; html: Bilingual }> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  assertCan(agreementPolicy, 'agreement.edit', ctx.actor, subjectOf(agreement));
  const f = parseInput(ZSectionInput, input);
  return {
    heading: { fi: f.headingFi, sv: f.headingSv },
    html: { fi: renderMarkdown(f.bodyFi, { headingOffset: 3 }), sv: renderMarkdown(f.bodySv, { headingOffset: 3 }) },
  };
}

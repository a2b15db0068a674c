import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { invalid } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import type { UploadedFile } from '#platform/uploads.ts';
import { checkDocument } from '#platform/uploads.ts';
import { parseInput } from '#platform/validation.ts';
import { checkNegotiation, obligationOr400, regionOr404, REPORT_TYPES, todayOf } from './obligation-access.ts';
import { obligationPolicy } from './obligation-policy.ts';
import { findNegotiation, insertNegotiation, type NegotiationRow } from './obligation-queries.ts';
import { ZNegotiationInput } from './obligation-schemas.ts';

/**
 * Records a negotiation held in the region (14 § or 7 §): date, the parties that took part and optionally the
 * minutes file (PDF or DOCX, checked by content). The county's editors record it.
 */
export async function recordNegotiation(ctx: Ctx, countyCode: string, input: unknown, minutes?: UploadedFile): Promise<NegotiationRow> {
  const region = await regionOr404(ctx.db, countyCode);
  assertCan(obligationPolicy, 'obligation.record_negotiation', ctx.actor, { partyId: region.countyPartyId });
  const f = parseInput(ZNegotiationInput, input);
  const o = obligationOr400(f.obligationCode);
  const issues = checkNegotiation(o, region, f.heldOn, f.participantIds, todayOf(ctx));
  const file = checkDocument(minutes, 'minutes', REPORT_TYPES, issues, false);
  if (issues.length) throw invalid(issues);
  return ctx.db.transaction(async (tx) => {
    const id = await insertNegotiation(tx, countyCode, f, file, ctx.clock.now());
    await recordAudit(tx, ctx, {
      partyId: region.countyPartyId,
      action: 'obligation_negotiation.record',
      targetType: 'obligation_negotiation',
      targetId: id,
      after: { county_code: countyCode, obligation_code: f.obligationCode, held_on: f.heldOn, title: f.title, participant_ids: f.participantIds, minutes_sha256: file?.sha256 ?? null },
    });
    return (await findNegotiation(tx, id))!;
  });
}

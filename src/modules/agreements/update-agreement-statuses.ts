import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import type { AgreementStatus } from './agreement.ts';
import { statusJobPolicy } from './approval-policy.ts';
import { listDatedAgreementIds } from './approval-queries.ts';
import { syncStatus } from './approval-state.ts';

/**
 * Brings stored statuses up to the calendar: signed → in force on the entry date, in force → expired after
 * the end date or superseded when a successor enters into force. Each move is audited. Run by the server
 * at start-up and periodically; pages never depend on it (they compute the status of the day themselves).
 */
export async function updateAgreementStatuses(ctx: Ctx): Promise<{ id: string; from: AgreementStatus; to: AgreementStatus }[]> {
  assertCan(statusJobPolicy, 'agreement.update_statuses', ctx.actor, null);
  const moved: { id: string; from: AgreementStatus; to: AgreementStatus }[] = [];
  // Oldest first, so a predecessor is settled before its successor's move is considered.
  for (const { id } of await listDatedAgreementIds(ctx.db)) {
    const res = await ctx.db.transaction((tx) => syncStatus(tx, ctx, id));
    if (res) moved.push({ id, ...res });
  }
  return moved;
}

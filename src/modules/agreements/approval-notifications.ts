/**
 * Hooks for the approval use cases (record-decision.ts, correct-decision.ts, annul-decision.ts): called
 * inside the use case's transaction after the change, and queues mail only when the change did what the
 * mail says. The "all signed" mail is queued by settleApproval (approval-state.ts), where approval completes.
 */
import type { Tx } from '#platform/db/db.ts';
import type { Agreement } from './agreement.ts';
import { notifyPartyApproved } from './agreement-notifications.ts';
import { partyApprovals } from './approval-state.ts';

/**
 * Call with the party's final approval (its id) as it was before the change: when the party had none and
 * now has one on the approval version, every party's editors hear of it — once, however it came about
 * (a new decision, a re-examination, a corrected or annulled record).
 */
export async function notifyIfPartyApproved(tx: Tx, agreement: Agreement, partyId: string, finalBefore: string | null): Promise<void> {
  if (finalBefore) return;
  const all = await partyApprovals(tx, agreement);
  const mine = all.find((p) => p.party.id === partyId);
  const final = mine?.progress.finalApproval;
  if (!mine || !final) return;
  await notifyPartyApproved(tx, agreement, {
    partyName: mine.party.name,
    body: final.body,
    meetingDate: final.meetingDate,
    versionNumber: final.versionNumber,
    approved: all.filter((p) => p.progress.finalApproval).length,
    total: all.length,
  });
}

/** The party's final approval of the approval version right now (id), or null. */
export async function finalApprovalOf(tx: Tx, agreement: Agreement, partyId: string): Promise<string | null> {
  const [mine] = await partyApprovals(tx, agreement, partyId);
  return mine?.progress.finalApproval?.id ?? null;
}

/**
 * Hooks for the approval use cases (record-decision.ts, sign-agreement.ts): each called inside the use
 * case's transaction after the change, and queues mail only when the change did what the mail says.
 */
import type { Tx } from '#platform/db/db.ts';
import type { Agreement, AgreementStatus } from './agreement.ts';
import { findAgreement } from './agreement-queries.ts';
import { notifyAllSigned, notifyPartyApproved } from './agreement-notifications.ts';
import { findVersionById } from './approval-queries.ts';
import { partyApprovals } from './approval-state.ts';

/** The decision just recorded is the party's final approval of the approval version: every party's editors hear of it. */
export async function notifyIfPartyApproved(tx: Tx, agreement: Agreement, partyId: string, decisionId: string): Promise<void> {
  const all = await partyApprovals(tx, agreement);
  const mine = all.find((p) => p.party.id === partyId);
  const final = mine?.progress.finalApproval;
  if (!mine || !final || final.id !== decisionId) return;
  await notifyPartyApproved(tx, agreement, {
    partyName: mine.party.name,
    body: final.body,
    meetingDate: final.meetingDate,
    versionNumber: final.versionNumber,
    approved: all.filter((p) => p.progress.finalApproval).length,
    total: all.length,
  });
}

/** The approval was settled from in_approval to signed by all (or straight in force): every party's editors hear of it. */
export async function notifyIfAllSigned(tx: Tx, before: Agreement, after: AgreementStatus): Promise<void> {
  if (before.status !== 'in_approval' || after === 'in_approval' || !before.approvalVersionId) return;
  const a = await findAgreement(tx, before.id);
  const version = await findVersionById(tx, before.approvalVersionId);
  if (!a || !version) return;
  await notifyAllSigned(tx, a, { versionNumber: version.number, sha256: version.sha256, entersIntoForceOn: a.entersIntoForceOn });
}

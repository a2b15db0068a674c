import { recordAudit } from '#platform/audit.ts';
import { helsinkiDate } from '#platform/clock.ts';
import type { Ctx } from '#platform/context.ts';
import type { Sql, Tx } from '#platform/db/db.ts';
import type { Agreement, AgreementStatus } from './agreement.ts';
import { currentStatus, defaultChain, entryDateOf, partyProgress, statusPath, type ApprovalStep, type PartyProgress } from './approval.ts';
import { findAgreement, lockAgreement, setAgreementStatus } from './agreement-queries.ts';
import { notifyAllSigned } from './agreement-notifications.ts';
import { findVersionById, loadApprovalState, setApprovalFacts, type PartyApprovalRow } from './approval-queries.ts';

/** One party's approval: its chain (saved, or the default for its type), and where it stands on the approval version. */
export interface PartyApproval extends PartyApprovalRow {
  chain: ApprovalStep[];
  chainIsDefault: boolean;
  progress: PartyProgress;
}

/** Shared step of the use cases (not exported from the module). */
export async function partyApprovals(sql: Sql, agreement: Pick<Agreement, 'id' | 'approvalVersionId'>, onlyPartyId?: string): Promise<PartyApproval[]> {
  const rows = await loadApprovalState(sql, agreement.id, onlyPartyId);
  return rows.map((r) => {
    const chainIsDefault = r.steps.length === 0;
    const chain = chainIsDefault ? defaultChain(r.party.type, r.bodies) : r.steps;
    return {
      ...r,
      chain,
      chainIsDefault,
      progress: partyProgress({ chain, decisions: r.decisions, signatures: r.signatures, approvalVersionId: agreement.approvalVersionId, requiredSignatures: r.requiredSignatures }),
    };
  });
}

/** The agreement with the status it has today (the stored status may lag behind the calendar). */
export const withCurrentStatus = <A extends Agreement>(a: A, now: Date): A => ({ ...a, status: currentStatus(a, helsinkiDate(now)) });

/** Moves the stored status along a legal path, one audited transition at a time. */
export async function moveStatus(tx: Tx, ctx: Ctx, a: Pick<Agreement, 'id' | 'coordinatingPartyId'>, from: AgreementStatus, to: AgreementStatus, why: Record<string, unknown>): Promise<AgreementStatus> {
  const path = statusPath(from, to);
  if (!path) return from;
  let at = from;
  for (const next of path) {
    if (!(await setAgreementStatus(tx, a.id, at, next, ctx.clock.now()))) break;
    await recordAudit(tx, ctx, {
      partyId: a.coordinatingPartyId,
      action: 'agreement.status_change',
      targetType: 'agreement',
      targetId: a.id,
      before: { status: at },
      after: { status: next, ...why },
    });
    at = next;
  }
  return at;
}

/**
 * After a decision or a signature, inside its transaction (agreement row locked): when every party has its
 * final approval and all its signatures on the approval version, the agreement is signed by all and gets
 * its entry-into-force date; if that date has come, it is in force at once. Given the party that changed,
 * the others are read only when that party is now complete (else the agreement cannot be). Returns the
 * stored status after.
 *
 * This is the only place where an agreement leaves approval as signed by all, so the "all signed" mail is
 * queued here — once for each completion, whichever change completed it (a signature, a decision, a
 * re-examination, a corrected or annulled decision).
 */
export async function settleApproval(tx: Tx, ctx: Ctx, locked: Agreement, changedPartyId?: string): Promise<AgreementStatus> {
  if (locked.status !== 'in_approval' || !locked.approvalVersionId) return locked.status;
  if (changedPartyId) {
    const [mine] = await partyApprovals(tx, locked, changedPartyId);
    if (!mine?.progress.complete) return locked.status;
  }
  const parties = await partyApprovals(tx, locked);
  const entry = entryDateOf(locked.entryRule, locked.validFrom, parties.map((p) => p.progress));
  if (!entry) return locked.status;
  await setApprovalFacts(tx, locked.id, { entersIntoForceOn: entry }, ctx.clock.now());
  const today = helsinkiDate(ctx.clock.now());
  const target = currentStatus({ ...locked, status: 'signed_by_all', entersIntoForceOn: entry }, today);
  const signed = await moveStatus(tx, ctx, locked, 'in_approval', 'signed_by_all', { enters_into_force_on: entry });
  if (signed !== 'signed_by_all') return signed;
  await notifyCompleted(tx, locked);
  const status = await moveStatus(tx, ctx, locked, 'signed_by_all', target, { enters_into_force_on: entry, today });
  // A successor entering into force today supersedes its predecessor today.
  if (locked.predecessorId) await syncStatus(tx, ctx, locked.predecessorId);
  return status;
}

/** Brings one agreement's stored status up to the calendar (locks its row). */
export async function syncStatus(tx: Tx, ctx: Ctx, agreementId: string): Promise<{ from: AgreementStatus; to: AgreementStatus } | undefined> {
  const a = await lockAgreement(tx, agreementId);
  if (!a) return undefined;
  const target = currentStatus(a, helsinkiDate(ctx.clock.now()));
  if (target === a.status) return undefined;
  const to = await moveStatus(tx, ctx, a, a.status, target, { today: helsinkiDate(ctx.clock.now()), enters_into_force_on: a.entersIntoForceOn });
  return to === a.status ? undefined : { from: a.status, to };
}

/** Every party's editors hear that the agreement is signed by all (inside the completing transaction). */
async function notifyCompleted(tx: Tx, locked: Agreement): Promise<void> {
  const a = await findAgreement(tx, locked.id);
  const version = locked.approvalVersionId ? await findVersionById(tx, locked.approvalVersionId) : undefined;
  if (!a || !version) return;
  await notifyAllSigned(tx, a, { versionNumber: version.number, sha256: version.sha256, entersIntoForceOn: a.entersIntoForceOn }); // [agreement mail] all signed → parties' editors
}

/**
 * After a decision was corrected or annulled or a signature revoked (inside its transaction, agreement row
 * locked, not yet in force): in approval, the change may complete it (settleApproval); signed by all, it may
 * no longer be — then the agreement goes back to approval and loses its entry-into-force date — or its
 * entry-into-force date may move. Returns the stored status after.
 */
export async function recomputeApproval(tx: Tx, ctx: Ctx, locked: Agreement, why: Record<string, unknown>): Promise<AgreementStatus> {
  if (locked.status === 'in_approval') return settleApproval(tx, ctx, locked);
  if (locked.status !== 'signed_by_all') return locked.status;
  const parties = await partyApprovals(tx, locked);
  const entry = entryDateOf(locked.entryRule, locked.validFrom, parties.map((p) => p.progress));
  if (!entry) {
    await setApprovalFacts(tx, locked.id, { entersIntoForceOn: null }, ctx.clock.now());
    return moveStatus(tx, ctx, locked, 'signed_by_all', 'in_approval', { ...why, enters_into_force_on: null });
  }
  if (entry === locked.entersIntoForceOn) return locked.status;
  await setApprovalFacts(tx, locked.id, { entersIntoForceOn: entry }, ctx.clock.now());
  const target = currentStatus({ ...locked, entersIntoForceOn: entry }, helsinkiDate(ctx.clock.now()));
  return moveStatus(tx, ctx, locked, 'signed_by_all', target, { ...why, enters_into_force_on: entry });
}

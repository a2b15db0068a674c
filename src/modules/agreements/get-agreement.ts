import { listAgreementPresentations } from '#modules/forums/index.ts';
import { getCooperationRegion } from '#modules/parties/index.ts';
import { helsinkiDate } from '#platform/clock.ts';
import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { can, permittedActions } from '#platform/policy.ts';
import { commentWindow, isDraftEditable, needsSwedish, type Agreement, type CommentRound, type PartyRef, type Presentation, type VersionInfo } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy, type AgreementAbility } from './agreement-policy.ts';
import { findAgreement, findVersionByNumber, listAgreementParties, listPresentations, listRounds, listVersions } from './agreement-queries.ts';
import { loadDraftSnapshot } from './load-draft.ts';
import { renderContent, type RenderedContent } from './rendered-content.ts';
import { parseSnapshot } from './snapshot.ts';
import { partyApprovals, withCurrentStatus } from './approval-state.ts';

export interface AgreementView {
  agreement: Agreement;
  region: { code: string; name: { fi: string; sv: string; en: string } };
  parties: PartyRef[];
  predecessor: { id: string; title: { fi: string; sv: string } } | null;
  /** What the page shows: the working draft for the parties, the newest public version for everyone else. */
  content: RenderedContent;
  contentSource: { kind: 'draft' } | { kind: 'version'; number: number; label: string };
  /** True when a party is bilingual or Swedish-speaking: every section then needs its Swedish text. */
  needsSwedish: boolean;
  versions: (VersionInfo & { isPublic: boolean })[];
  presentations: Presentation[];
  rounds: (CommentRound & { window: 'open' | 'deadline_passed' | 'closed' })[];
  draftEditable: boolean;
  /** Where the parties' approval stands (decisions are public records; comments are not included). */
  approval: ApprovalSummary;
  permittedActions: AgreementAbility[];
}

export interface ApprovalSummary {
  version: { number: number; label: string; sha256: string } | null;
  parties: { partyId: string; finalApprovalOn: string | null; signedOn: string | null; complete: boolean }[];
  approved: number;
  signed: number;
}

/**
 * One agreement. The parties (anyone acting for one of them) see the working draft and every version;
 * the public sees only versions that went to a comment round or beyond, and nothing at all before that.
 */
export async function getAgreement(ctx: Ctx, agreementId: string): Promise<AgreementView> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  const subject = subjectOf(agreement);
  const canViewDraft = can(agreementPolicy, 'agreement.view_draft', ctx.actor, subject);
  const allVersions = await listVersions(ctx.db, agreement.id);
  const versions = canViewDraft ? allVersions : allVersions.filter((v) => v.isPublic);
  if (!canViewDraft && versions.length === 0) throw notFound('agreements.not_found');

  let content: RenderedContent;
  let contentSource: AgreementView['contentSource'];
  if (canViewDraft) {
    content = renderContent(await loadDraftSnapshot(ctx.db, agreement, 0, ''));
    contentSource = { kind: 'draft' };
  } else {
    const latest = versions.at(-1)!;
    const v = (await findVersionByNumber(ctx.db, agreement.id, latest.number))!;
    content = renderContent(parseSnapshot(v.canonical));
    contentSource = { kind: 'version', number: v.number, label: v.label };
  }
  const [{ region }, parties, recorded, inMeetings, rounds, predecessor, approvals] = await Promise.all([
    getCooperationRegion(ctx, agreement.countyCode),
    listAgreementParties(ctx.db, agreement.id),
    listPresentations(ctx.db, agreement.id),
    listAgreementPresentations(ctx, agreement.id),
    listRounds(ctx.db, agreement.id),
    agreement.predecessorId ? findAgreement(ctx.db, agreement.predecessorId) : Promise.resolve(undefined),
    // Before any version is sent to approval there is nothing to count: skip the parties' approval state.
    agreement.approvalVersionId ? partyApprovals(ctx.db, agreement) : Promise.resolve([]),
  ]);
  const approvalVersion = agreement.approvalVersionId ? allVersions.find((v) => v.id === agreement.approvalVersionId) : undefined;
  const visibleIds = new Set(versions.map((v) => v.id));
  // The recorded presentations (history) and the forum meetings that had a version on their agenda, by date.
  const presentations: Presentation[] = [
    ...recorded.map((p) => ({ ...p, meetingId: null })),
    ...inMeetings.map((m) => ({
      id: m.itemId,
      agreementId: agreement.id,
      versionId: m.versionId,
      versionNumber: m.versionNumber,
      forumId: null,
      forumName: m.forumName.fi,
      presentedOn: helsinkiDate(m.startsAt),
      note: m.meetingTitle.fi,
      meetingId: m.meetingId,
    })),
  ].sort((a, b) => a.presentedOn.localeCompare(b.presentedOn));
  const now = ctx.clock.now();
  return {
    agreement: withCurrentStatus(agreement, now),
    region: { code: region.code, name: region.name },
    parties,
    predecessor: predecessor ? { id: predecessor.id, title: predecessor.title } : null,
    content,
    contentSource,
    needsSwedish: needsSwedish(parties),
    versions,
    presentations: presentations.filter((p) => visibleIds.has(p.versionId)),
    rounds: rounds.filter((r) => visibleIds.has(r.versionId)).map((r) => ({ ...r, window: commentWindow(r, now) })),
    draftEditable: isDraftEditable(agreement.status),
    approval: {
      version: approvalVersion ? { number: approvalVersion.number, label: approvalVersion.label, sha256: approvalVersion.sha256 } : null,
      parties: approvalVersion
        ? approvals.map((p) => ({ partyId: p.party.id, finalApprovalOn: p.progress.finalApproval?.meetingDate ?? null, signedOn: p.progress.signedOn, complete: p.progress.complete }))
        : parties.map((p) => ({ partyId: p.id, finalApprovalOn: null, signedOn: null, complete: false })),
      approved: approvals.filter((p) => p.progress.finalApproval).length,
      signed: approvals.filter((p) => p.progress.signaturesComplete).length,
    },
    permittedActions: permittedActions(agreementPolicy, ctx.actor, subject),
  };
}

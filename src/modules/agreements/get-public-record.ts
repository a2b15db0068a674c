import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import type { Agreement, Bilingual, PartyRef, VersionInfo } from './agreement.ts';
import { agreementOr404 } from './agreement-access.ts';
import { listVersions } from './agreement-queries.ts';
import type { DecisionOutcome, ScanInfo, SignatureMethod } from './approval.ts';
import { loadApprovalState } from './approval-queries.ts';

export interface PublicRecord {
  agreement: Pick<Agreement, 'id' | 'countyCode' | 'title' | 'validFrom' | 'validUntil' | 'entersIntoForceOn'>;
  /** Versions that went to a comment round or beyond (the only ones the public sees). */
  versions: VersionInfo[];
  parties: {
    party: Pick<PartyRef, 'id' | 'name' | 'businessId'>;
    /** Annulled records stay in the list with the date and reason (shown struck through). */
    decisions: {
      id: string;
      versionNumber: number;
      body: Bilingual;
      meetingDate: string;
      section: string;
      outcome: DecisionOutcome;
      minutesUrl: string | null;
      annulled: { at: Date; reason: string } | null;
    }[];
    /** Revoked signatures stay in the list with the date and reason; their scans are not public. */
    signatures: {
      id: string;
      versionNumber: number;
      signerName: string;
      signerTitle: string;
      signedOn: string;
      place: string;
      method: SignatureMethod;
      sha256: string;
      revoked: { at: Date; reason: string } | null;
      scan: ScanInfo | null;
    }[];
  }[];
}

/**
 * The public record of an agreement, for anyone without signing in: its public versions with their
 * SHA-256, and each party's decisions (body, date, §, outcome, minutes) and signatures on them. The
 * decision texts, preparers and comments stay on the parties' pages. Not found before anything is public.
 */
export async function getPublicRecord(ctx: Ctx, agreementId: string): Promise<PublicRecord> {
  const a = await agreementOr404(ctx.db, agreementId);
  const versions = (await listVersions(ctx.db, a.id)).filter((v) => v.isPublic).map(({ isPublic: _, ...v }) => v);
  if (versions.length === 0) throw notFound('agreements.not_found');
  const publicIds = new Set(versions.map((v) => v.id));
  const state = await loadApprovalState(ctx.db, a.id);
  return {
    agreement: { id: a.id, countyCode: a.countyCode, title: a.title, validFrom: a.validFrom, validUntil: a.validUntil, entersIntoForceOn: a.entersIntoForceOn },
    versions,
    parties: state.map((p) => ({
      party: { id: p.party.id, name: p.party.name, businessId: p.party.businessId },
      decisions: p.decisions
        .filter((d) => publicIds.has(d.versionId))
        .sort((x, y) => (x.meetingDate < y.meetingDate ? -1 : x.meetingDate > y.meetingDate ? 1 : 0))
        .map((d) => ({
          id: d.id,
          versionNumber: d.versionNumber,
          body: d.body,
          meetingDate: d.meetingDate,
          section: d.section,
          outcome: d.outcome,
          minutesUrl: d.minutesUrl,
          annulled: d.annulled && { at: d.annulled.at, reason: d.annulled.reason },
        })),
      signatures: p.signatures
        .filter((s) => publicIds.has(s.versionId))
        .map((s) => ({
          id: s.id,
          versionNumber: s.versionNumber,
          signerName: s.signerName,
          signerTitle: s.signerTitle,
          signedOn: s.signedOn,
          place: s.place,
          method: s.method,
          sha256: s.sha256,
          revoked: s.revoked && { at: s.revoked.at, reason: s.revoked.reason },
          scan: s.revoked ? null : s.scan,
        })),
    })),
  };
}

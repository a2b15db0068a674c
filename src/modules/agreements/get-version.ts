import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { can } from '#platform/policy.ts';
import { needsSwedish, type Agreement, type Presentation, type VersionInfo } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { findVersionByNumber, listPresentations, listVersions } from './agreement-queries.ts';
import { sha256Hex } from './canonical.ts';
import { renderContent, type RenderedContent } from './rendered-content.ts';
import { parseSnapshot } from './snapshot.ts';

export interface VersionView {
  agreement: Agreement;
  version: VersionInfo & { isPublic: boolean };
  /** The stored canonical text still hashes to the stored SHA-256. */
  hashVerified: boolean;
  content: RenderedContent;
  needsSwedish: boolean;
  presentations: Presentation[];
  /** The versions this reader may see (for links and the comparison form). */
  versions: (VersionInfo & { isPublic: boolean })[];
}

/** A published version: for everyone once public (comment round or beyond), before that for the parties only. */
export async function getVersion(ctx: Ctx, agreementId: string, number: number): Promise<VersionView> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  const canViewDraft = can(agreementPolicy, 'agreement.view_draft', ctx.actor, subjectOf(agreement));
  const v = Number.isSafeInteger(number) ? await findVersionByNumber(ctx.db, agreement.id, number) : undefined;
  // A version the reader may not see does not exist for them.
  if (!v || (!v.isPublic && !canViewDraft)) throw notFound('agreements.version_not_found');
  const snapshot = parseSnapshot(v.canonical);
  const [versions, presentations] = await Promise.all([listVersions(ctx.db, agreement.id), listPresentations(ctx.db, agreement.id)]);
  const { canonical, ...version } = v;
  return {
    agreement,
    version,
    hashVerified: sha256Hex(canonical) === v.sha256,
    content: renderContent(snapshot),
    needsSwedish: needsSwedish(snapshot.parties as { language: 'fi' | 'sv' | 'fi-sv' | 'sv-fi' }[]),
    presentations: presentations.filter((p) => p.versionId === v.id),
    versions: canViewDraft ? versions : versions.filter((x) => x.isPublic),
  };
}

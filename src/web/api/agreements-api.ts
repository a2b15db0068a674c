import { z } from 'zod';
import {
  AGREEMENT_STATUSES,
  COMMENT_ANSWERS,
  COMMENT_KINDS,
  DECISION_OUTCOMES,
  getAgreement,
  getApprovalOverview,
  getCommentRound,
  getVersion,
  listAgreements,
  annulDecision,
  correctDecision,
  getSignatureScan,
  recordDecision,
  revokeSignature,
  SCAN_MEDIA_TYPES,
  SIGNATURE_METHODS,
  signAgreement,
  STEP_ROLES,
  ZAnnulDecision,
  ZCorrectDecision,
  ZRecordDecision,
  ZRevokeSignature,
  ZSignAgreement,
  type Agreement,
  type DecisionRecord,
  type SignatureRecord,
  type VersionInfo,
} from '#modules/agreements/index.ts';
import { create as contentDisposition } from 'content-disposition';
import { op, RawBody } from './define.ts';

const ZName = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
const ZBilingual = z.object({ fi: z.string(), sv: z.string() }).meta({ id: 'BilingualText' });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

const ZAgreementOut = z
  .object({
    id: z.string().uuid(),
    countyCode: z.string().describe('Cooperation region (county code, HVA01…HVA21, HVA90)'),
    title: ZBilingual,
    status: z.enum(AGREEMENT_STATUSES).describe('The status today (signed agreements move to in force, expired or superseded by the calendar)'),
    validFrom: z.string().describe('YYYY-MM-DD'),
    validUntil: z.string().nullable().describe('YYYY-MM-DD; null = until further notice'),
    entersIntoForceOn: z.string().nullable().describe('Set once every party has approved and signed: the later of the last signature and the start date'),
    predecessorId: z.string().uuid().nullable(),
    coordinatingPartyId: z.string().uuid(),
  })
  .meta({ id: 'Agreement' });

const agreementOut = (a: Agreement): z.infer<typeof ZAgreementOut> => ({
  id: a.id,
  countyCode: a.countyCode,
  title: a.title,
  status: a.status,
  validFrom: a.validFrom,
  validUntil: a.validUntil,
  entersIntoForceOn: a.entersIntoForceOn,
  predecessorId: a.predecessorId,
  coordinatingPartyId: a.coordinatingPartyId,
});

const ZVersionOut = z
  .object({
    number: z.number().int(),
    label: z.string().describe('Handling stage, e.g. “Kuntajohtajafoorumi 14.9.2023”'),
    sha256: z.string().describe('SHA-256 (hex) of the canonical content; signatures bind to it'),
    publishedAt: z.string().describe('ISO 8601 instant'),
    isPublic: z.boolean().describe('Went to a comment round or to approval; other versions are seen by the parties only'),
  })
  .meta({ id: 'AgreementVersion' });
const versionOut = (v: VersionInfo & { isPublic: boolean }): z.infer<typeof ZVersionOut> => ({
  number: v.number,
  label: v.label,
  sha256: v.sha256,
  publishedAt: v.publishedAt.toISOString(),
  isPublic: v.isPublic,
});

const ZDecisionOut = z
  .object({
    id: z.string().uuid(),
    partyId: z.string().uuid(),
    stepId: z.string().uuid(),
    versionNumber: z.number().int().describe('The version the decision concerns'),
    body: ZBilingual,
    meetingDate: z.string(),
    section: z.string().describe('§ number, e.g. 89; empty when not known'),
    diaryNumber: z.string(),
    preparer: z.string(),
    presenter: z.string(),
    proposal: z.string(),
    decision: z.string(),
    outcome: z.enum(DECISION_OUTCOMES),
    minutesUrl: z.string().nullable(),
    reExaminesId: z.string().uuid().nullable().describe('The earlier decision of the same body this re-examination replaces'),
    recordedAt: z.string(),
    rowVersion: z.number().int().describe('Send it back when correcting or annulling the record (409 if it changed meanwhile)'),
    correctedAt: z.string().nullable().describe('When the record was last corrected'),
    annulled: z
      .object({ at: z.string(), reason: z.string() })
      .nullable()
      .describe('Set when the record was annulled as entered by mistake: it stays listed but no longer counts'),
  })
  .meta({ id: 'AgreementDecision' });
const decisionOut = (d: DecisionRecord): z.infer<typeof ZDecisionOut> => ({
  id: d.id,
  partyId: d.partyId,
  stepId: d.stepId,
  versionNumber: d.versionNumber,
  body: d.body,
  meetingDate: d.meetingDate,
  section: d.section,
  diaryNumber: d.diaryNumber,
  preparer: d.preparer,
  presenter: d.presenter,
  proposal: d.proposal,
  decision: d.decision,
  outcome: d.outcome,
  minutesUrl: d.minutesUrl,
  reExaminesId: d.reExaminesId,
  recordedAt: d.recordedAt.toISOString(),
  rowVersion: d.rowVersion,
  correctedAt: iso(d.correctedAt),
  annulled: d.annulled && { at: d.annulled.at.toISOString(), reason: d.annulled.reason },
});

const ZSignatureOut = z
  .object({
    id: z.string().uuid(),
    partyId: z.string().uuid(),
    versionNumber: z.number().int(),
    sha256: z.string().describe('The hash of the exact version signed'),
    method: z.enum(SIGNATURE_METHODS),
    signerName: z.string(),
    signerTitle: z.string(),
    signedOn: z.string(),
    place: z.string(),
    reference: z.string(),
    recordedAt: z.string(),
    revoked: z
      .object({ at: z.string(), reason: z.string() })
      .nullable()
      .describe('Set when the signature was revoked as recorded by mistake: it stays listed but no longer counts'),
    scan: z
      .object({ sha256: z.string(), sizeBytes: z.number().int(), mediaType: z.enum(SCAN_MEDIA_TYPES), fileName: z.string() })
      .nullable()
      .describe('The scanned signature page of a wet-ink signature (download with getSignatureScan)'),
  })
  .meta({ id: 'AgreementSignature' });
const signatureOut = (s: SignatureRecord): z.infer<typeof ZSignatureOut> => ({
  id: s.id,
  partyId: s.partyId,
  versionNumber: s.versionNumber,
  sha256: s.sha256,
  method: s.method,
  signerName: s.signerName,
  signerTitle: s.signerTitle,
  signedOn: s.signedOn,
  place: s.place,
  reference: s.reference,
  recordedAt: s.recordedAt.toISOString(),
  revoked: s.revoked && { at: s.revoked.at.toISOString(), reason: s.revoked.reason },
  scan: s.scan,
});

const ZAgreementParams = z.object({ id: z.string().uuid('invalid_uuid') });

export const agreementOperations = [
  op({
    operationId: 'listRegionAgreements',
    method: 'get',
    path: '/regions/:code/agreements',
    tag: 'agreements',
    summary: 'The cooperation agreements of a region',
    description: 'Everyone sees the agreements with a public version (sent to a comment round or to approval); the parties also see their drafts.',
    security: 'public',
    params: z.object({ code: z.string().regex(/^HVA\d{2}$/, 'invalid_county_code').describe('County code of the cooperation region, e.g. HVA19') }),
    response: z.object({ items: z.array(ZAgreementOut), total: z.number().int(), next: z.string().nullable() }).meta({ id: 'AgreementList' }),
    errors: [404],
    handler: async (ctx, { params }) => {
      const { items } = await listAgreements(ctx, params.code);
      return { items: items.map((i) => agreementOut(i.agreement)), total: items.length, next: null };
    },
  }),
  op({
    operationId: 'getAgreement',
    method: 'get',
    path: '/agreements/:id',
    tag: 'agreements',
    summary: 'One agreement: facts, parties, visible versions and where approval stands',
    description: 'Public once a version is public; before that for the parties only (404 for others). Decisions and signatures are public records; comments are not included.',
    security: 'public',
    params: ZAgreementParams,
    response: ZAgreementOut.extend({
      parties: z.array(
        z.object({
          id: z.string().uuid(),
          code: z.string(),
          businessId: z.string().nullable(),
          name: ZName,
          finalApprovalOn: z.string().nullable().describe('Meeting date of the final approval of the version under approval'),
          signedOn: z.string().nullable().describe('Date the party completed its signatures'),
        }),
      ),
      versions: z.array(ZVersionOut),
      approvalVersion: z.number().int().nullable().describe('Number of the version under approval (or approved)'),
    }).meta({ id: 'AgreementDetails' }),
    errors: [404],
    handler: async (ctx, { params }) => {
      const v = await getAgreement(ctx, params.id);
      const approval = new Map(v.approval.parties.map((p) => [p.partyId, p]));
      return {
        ...agreementOut(v.agreement),
        parties: v.parties.map((p) => ({
          id: p.id,
          code: p.code,
          businessId: p.businessId,
          name: p.name,
          finalApprovalOn: approval.get(p.id)?.finalApprovalOn ?? null,
          signedOn: approval.get(p.id)?.signedOn ?? null,
        })),
        versions: v.versions.map(versionOut),
        approvalVersion: v.approval.version?.number ?? null,
      };
    },
  }),
  op({
    operationId: 'listAgreementVersions',
    method: 'get',
    path: '/agreements/:id/versions',
    tag: 'agreements',
    summary: 'The published versions of an agreement that the caller may see',
    description: 'Public versions for everyone; every version for the parties.',
    security: 'public',
    params: ZAgreementParams,
    response: z.object({ items: z.array(ZVersionOut), total: z.number().int(), next: z.string().nullable() }).meta({ id: 'AgreementVersionList' }),
    errors: [404],
    handler: async (ctx, { params }) => {
      const v = await getAgreement(ctx, params.id);
      return { items: v.versions.map(versionOut), total: v.versions.length, next: null };
    },
  }),
  op({
    operationId: 'getAgreementVersion',
    method: 'get',
    path: '/agreements/:id/versions/:number',
    tag: 'agreements',
    summary: 'One published version with its content and hash',
    description: 'The content is the immutable snapshot that was hashed (schema kumppanuus.agreement-version/1); `hashVerified` tells that the stored text still gives the stored hash.',
    security: 'public',
    params: ZAgreementParams.extend({ number: z.coerce.number().int().min(1).max(2_147_483_647).describe('Version number') }),
    response: ZVersionOut.extend({
      hashVerified: z.boolean(),
      content: z.record(z.string(), z.unknown()).describe('Title, validity, parties, sections (Markdown in fi and sv), cooperation areas and forums'),
    }).meta({ id: 'AgreementVersionDetails' }),
    errors: [404],
    handler: async (ctx, { params }) => {
      const v = await getVersion(ctx, params.id, params.number);
      const { sections, areas, forums, parties, title, validity } = v.content;
      return {
        ...versionOut(v.version),
        hashVerified: v.hashVerified,
        content: {
          title,
          validity,
          parties,
          sections: sections.map((s) => ({ id: s.id, key: s.key, heading: s.heading, html: s.html })),
          areas,
          forums,
        },
      };
    },
  }),
  op({
    operationId: 'listAgreementComments',
    method: 'get',
    path: '/agreements/:id/comments',
    tag: 'agreements',
    summary: 'Comments and statements of a comment round (the parties only)',
    description: 'The newest round unless `round` is given. Only those acting for a party of the agreement.',
    security: 'authenticated',
    params: ZAgreementParams,
    query: z.object({ round: z.string().uuid('invalid_uuid').optional().describe('Identifier of the comment round (default: the newest)') }),
    response: z
      .object({
        round: z.object({ id: z.string().uuid(), versionNumber: z.number().int(), deadline: z.string(), closedAt: z.string().nullable() }).nullable(),
        items: z.array(
          z.object({
            id: z.string().uuid(),
            partyId: z.string().uuid(),
            kind: z.enum(COMMENT_KINDS),
            sectionId: z.string().uuid().nullable(),
            lang: z.enum(['fi', 'sv']),
            body: z.string(),
            authorName: z.string().nullable(),
            createdAt: z.string(),
            withdrawnAt: z.string().nullable(),
            answer: z.enum(COMMENT_ANSWERS).nullable(),
            answerReasoning: z.string(),
          }),
        ),
        total: z.number().int(),
        next: z.string().nullable(),
      })
      .meta({ id: 'AgreementCommentList' }),
    errors: [404],
    handler: async (ctx, { params, query }) => {
      const v = await getCommentRound(ctx, params.id, query.round);
      return {
        round: v.round ? { id: v.round.id, versionNumber: v.round.versionNumber, deadline: v.round.deadline, closedAt: iso(v.round.closedAt) } : null,
        items: v.comments.map((c) => ({
          id: c.id,
          partyId: c.partyId,
          kind: c.kind,
          sectionId: c.sectionId,
          lang: c.lang,
          body: c.body,
          authorName: c.authorName,
          createdAt: c.createdAt.toISOString(),
          withdrawnAt: iso(c.withdrawnAt),
          answer: c.answer,
          answerReasoning: c.answerReasoning,
        })),
        total: v.comments.length,
        next: null,
      };
    },
  }),
  op({
    operationId: 'recordAgreementDecision',
    method: 'post',
    path: '/agreements/:id/decisions',
    tag: 'agreements',
    summary: 'Record a decision (pykälä) of one of the caller’s own party’s bodies',
    description:
      'For the party’s decision recorders and administrators (users or API tokens with the approver or admin role), for their own party only. `stepId` is a step of the party’s approval chain (see getApprovalOverview); `versionNumber` a version sent to approval.',
    security: 'authenticated',
    params: ZAgreementParams,
    body: ZRecordDecision.meta({ id: 'RecordDecisionInput' }),
    status: 201,
    errors: [404, 409],
    response: ZDecisionOut,
    handler: async (ctx, { params, body }) => decisionOut(await recordDecision(ctx, params.id, body)),
  }),
  op({
    operationId: 'signAgreement',
    method: 'post',
    path: '/agreements/:id/signatures',
    tag: 'agreements',
    summary: 'Sign the version under approval, or record a signature, for the caller’s own party',
    description:
      'After the party’s final approval. `sha256` must be the hash of the version under approval (409 otherwise). `in_product` signs as the signed-in person (not with an API token); `wet_ink` and `e_signature` record a signature made elsewhere (e-signatures need a `reference`). Send multipart/form-data to attach the scanned signature page of a wet-ink signature as `scan`.',
    security: 'authenticated',
    params: ZAgreementParams,
    body: ZSignAgreement.meta({ id: 'SignAgreementInput' }),
    files: { scan: 'Scanned signature page of a wet-ink signature: PDF, PNG or JPEG (checked by its content), at most UPLOAD_MAX_MB (default 10 MB)' },
    status: 201,
    errors: [404, 409],
    response: ZSignatureOut,
    handler: async (ctx, { params, body, files }) => signatureOut(await signAgreement(ctx, params.id, body, files.scan)),
  }),
  op({
    operationId: 'correctAgreementDecision',
    method: 'put',
    path: '/agreements/:id/decisions/:decisionId',
    tag: 'agreements',
    summary: 'Correct a decision record of the caller’s own party entered wrongly',
    description:
      'The whole record as it should read, with the `rowVersion` it was read with (409 with the current record if it changed meanwhile). Not once the agreement is in force (409 `agreements.records_final`: make a new version or an amendment). The approval is re-evaluated.',
    security: 'authenticated',
    params: z.object({ id: z.string().uuid('invalid_uuid'), decisionId: z.string().uuid('invalid_uuid') }),
    body: ZCorrectDecision.meta({ id: 'CorrectDecisionInput' }),
    errors: [404, 409],
    response: ZDecisionOut,
    handler: async (ctx, { params, body }) => decisionOut(await correctDecision(ctx, params.id, params.decisionId, body)),
  }),
  op({
    operationId: 'annulAgreementDecision',
    method: 'post',
    path: '/agreements/:id/decisions/:decisionId/annul',
    tag: 'agreements',
    summary: 'Annul a decision record of the caller’s own party entered by mistake',
    description:
      'With a reason and the `rowVersion` it was read with. The record stays listed (annulled) and no longer counts; an agreement signed by all goes back to approval if it no longer is. Not once the agreement is in force (409 `agreements.records_final`).',
    security: 'authenticated',
    params: z.object({ id: z.string().uuid('invalid_uuid'), decisionId: z.string().uuid('invalid_uuid') }),
    body: ZAnnulDecision.meta({ id: 'AnnulDecisionInput' }),
    errors: [404, 409],
    response: ZDecisionOut,
    handler: async (ctx, { params, body }) => decisionOut(await annulDecision(ctx, params.id, params.decisionId, body)),
  }),
  op({
    operationId: 'revokeAgreementSignature',
    method: 'post',
    path: '/agreements/:id/signatures/:signatureId/revoke',
    tag: 'agreements',
    summary: 'Revoke a signature of the caller’s own party recorded by mistake',
    description:
      'With a reason. The signature stays listed (revoked) and no longer counts; an agreement signed by all goes back to approval and loses its entry-into-force date. Not once the agreement is in force (409 `agreements.records_final`).',
    security: 'authenticated',
    params: z.object({ id: z.string().uuid('invalid_uuid'), signatureId: z.string().uuid('invalid_uuid') }),
    body: ZRevokeSignature.meta({ id: 'RevokeSignatureInput' }),
    errors: [404, 409],
    response: ZSignatureOut,
    handler: async (ctx, { params, body }) => signatureOut(await revokeSignature(ctx, params.id, params.signatureId, body)),
  }),
  op({
    operationId: 'getSignatureScan',
    method: 'get',
    path: '/agreements/:id/signatures/:signatureId/scan',
    tag: 'agreements',
    summary: 'Download the scanned signature page of a wet-ink signature',
    description: 'Public like the signatures (the scan of a revoked signature only for the parties). Sent as an attachment with its checked media type and `X-Content-SHA256`.',
    security: 'public',
    params: z.object({ id: z.string().uuid('invalid_uuid'), signatureId: z.string().uuid('invalid_uuid') }),
    errors: [404],
    response: z.string(),
    binary: [...SCAN_MEDIA_TYPES],
    handler: async (ctx, { params }) => {
      const f = await getSignatureScan(ctx, params.id, params.signatureId);
      return new RawBody(f.mediaType, f.body, {
        'Content-Disposition': contentDisposition(f.fileName, { type: 'attachment' }),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'X-Content-SHA256': f.sha256,
        'Cache-Control': 'private, no-store',
      });
    },
  }),
  op({
    operationId: 'getApprovalOverview',
    method: 'get',
    path: '/agreements/:id/approval',
    tag: 'agreements',
    summary: 'The coordinator’s overview: every party’s comments, statement, approval steps and signatures',
    description: 'For those acting for a party of the agreement. Steps carry the decision in force on the version under approval and the newest decision on an older version.',
    security: 'authenticated',
    params: ZAgreementParams,
    response: z
      .object({
        agreement: ZAgreementOut,
        approvalVersion: z.object({ number: z.number().int(), label: z.string(), sha256: z.string() }).nullable(),
        parties: z.array(
          z.object({
            id: z.string().uuid(),
            code: z.string(),
            name: ZName,
            comments: z.number().int(),
            statementFiledAt: z.string().nullable(),
            steps: z.array(
              z.object({
                id: z.string().uuid().nullable(),
                position: z.number().int(),
                body: ZBilingual,
                role: z.enum(STEP_ROLES),
                isFinal: z.boolean(),
                current: ZDecisionOut.nullable(),
                older: ZDecisionOut.nullable(),
              }),
            ),
            requiredSignatures: z.number().int(),
            signatures: z.array(ZSignatureOut),
            signedOn: z.string().nullable(),
            complete: z.boolean(),
          }),
        ),
      })
      .meta({ id: 'ApprovalOverview' }),
    errors: [404],
    handler: async (ctx, { params }) => {
      const o = await getApprovalOverview(ctx, params.id);
      return {
        agreement: agreementOut(o.agreement),
        approvalVersion: o.approvalVersion ? { number: o.approvalVersion.number, label: o.approvalVersion.label, sha256: o.approvalVersion.sha256 } : null,
        parties: o.parties.map((p) => ({
          id: p.party.id,
          code: p.party.code,
          name: p.party.name,
          comments: p.comments.count,
          statementFiledAt: iso(p.statement?.filedAt ?? null),
          steps: p.progress.steps.map((s) => ({
            id: s.step.id,
            position: s.step.position,
            body: s.step.body,
            role: s.step.role,
            isFinal: s.isFinal,
            current: s.current ? decisionOut(s.current) : null,
            older: s.older ? decisionOut(s.older) : null,
          })),
          requiredSignatures: p.requiredSignatures,
          signatures: p.progress.signatures.map(signatureOut),
          signedOn: p.progress.signedOn,
          complete: p.progress.complete,
        })),
      };
    },
  }),
];

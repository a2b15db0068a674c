import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, PartyRole } from '../src/platform/actor.ts';
import type { Ctx } from '../src/platform/context.ts';
import type { Db } from '../src/platform/db/db.ts';
import { createTestActor, createTestDb, partyIdByCode, testCtx } from './support/db.ts';

/**
 * A user of one party can never change another party's data. This walks every mutating use case ×
 * every role (as a signed-in user and as an API token) × a foreign party, and checks that each attempt
 * is refused before anything is written (the audit trail and data version stay as they were).
 *
 * A guard at the end lists every exported use case whose name says it writes, so a new one cannot be
 * added without a row here (or a reasoned exemption).
 */

type Fixture = { own: string; foreign: string; foreignBodyId: string; foreignTokenId: string; someUserId: string; ctxFor: (a: Actor) => Ctx };
type Attempt = (mod: Record<string, (...a: never[]) => Promise<unknown>>, f: Fixture, actor: Actor) => Promise<unknown>;

/** Use cases that answer another party's row as not found (issue 8 finding 9: its existence is not told). */
const NOT_FOUND_WHEN_FOREIGN = new Set(['tokens.revokeApiToken']);

/** module → export → how to call it against the foreign party. */
const MUTATIONS: Record<string, Record<string, Attempt>> = {
  parties: {
    updateParty: (m, f, a) =>
      (m.updateParty as (c: Ctx, id: string, i: unknown) => Promise<unknown>)(f.ctxFor(a), f.foreign, {
        rowVersion: 1,
        nameFi: 'X',
        nameSv: 'X',
        nameEn: 'X',
        language: 'fi',
      }),
    addPartyBody: (m, f, a) =>
      (m.addPartyBody as (c: Ctx, id: string, i: unknown) => Promise<unknown>)(f.ctxFor(a), f.foreign, { kind: 'lautakunta', nameFi: 'X' }),
    updatePartyBody: (m, f, a) =>
      (m.updatePartyBody as (c: Ctx, id: string, i: unknown) => Promise<unknown>)(f.ctxFor(a), f.foreignBodyId, { rowVersion: 1, kind: 'lautakunta', nameFi: 'X' }),
    removePartyBody: (m, f, a) =>
      (m.removePartyBody as (c: Ctx, id: string, i: unknown) => Promise<unknown>)(f.ctxFor(a), f.foreignBodyId, { rowVersion: 1 }),
    importReference: (m, f, a) =>
      (m.importReference as (c: Ctx, i: unknown) => Promise<unknown>)(f.ctxFor(a), { municipalitiesCsv: 'code,name_fi,name_sv,region_code\n', source: 'x' }),
    loadReferenceData: (m, f, a) => (m.loadReferenceData as (c: Ctx) => Promise<unknown>)(f.ctxFor(a)),
  },
  accounts: {
    createUser: (m, f, a) =>
      (m.createUser as (c: Ctx, i: unknown) => Promise<unknown>)(f.ctxFor(a), {
        email: 'intruder@test.invalid',
        displayName: 'X',
        memberships: [{ partyId: f.foreign, role: 'admin' }],
      }),
    grantMembership: (m, f, a) =>
      (m.grantMembership as (c: Ctx, p: string, i: unknown) => Promise<unknown>)(f.ctxFor(a), f.foreign, { userId: f.someUserId, role: 'admin' }),
    revokeMembership: (m, f, a) => (m.revokeMembership as (c: Ctx, p: string, u: string) => Promise<unknown>)(f.ctxFor(a), f.foreign, f.someUserId),
    addPartyMemberByEmail: (m, f, a) =>
      (m.addPartyMemberByEmail as (c: Ctx, p: string, i: unknown) => Promise<unknown>)(f.ctxFor(a), f.foreign, { email: 'intruder@test.invalid', role: 'admin' }),
  },
  tokens: {
    createApiToken: (m, f, a) =>
      (m.createApiToken as (c: Ctx, p: string, i: unknown) => Promise<unknown>)(f.ctxFor(a), f.foreign, { name: 'intruder', role: 'admin' }),
    revokeApiToken: (m, f, a) => (m.revokeApiToken as (c: Ctx, id: string) => Promise<unknown>)(f.ctxFor(a), f.foreignTokenId),
  },
  feedback: {
    // Reading and handling feedback is for platform administrators only: no party role is enough.
    markFeedbackHandled: (m, f, a) =>
      (m.markFeedbackHandled as (c: Ctx, id: string) => Promise<unknown>)(f.ctxFor(a), '00000000-0000-4000-8000-000000000000'),
  },
  // Indicator data: national imports are for platform administrators; a party's own indicator belongs to Oulu here.
  indicators: {
    importSotkanetFile: (m, f, a) =>
      (m.importSotkanetFile as (c: Ctx, i: unknown) => Promise<unknown>)(f.ctxFor(a), { format: 'sotkanet-json', file: '[]', fileName: 'x.json' }),
    importStatfinFile: (m, f, a) => (m.importStatfinFile as (c: Ctx, i: unknown) => Promise<unknown>)(f.ctxFor(a), { file: '{}', fileName: 'x.json' }),
    fetchSotkanet: (m, f, a) =>
      (m.fetchSotkanet as (c: Ctx, i: unknown) => Promise<unknown>)(f.ctxFor(a), { indicators: [127], years: [2022], baseUrl: 'http://127.0.0.1:9/none' }),
    importOwnCsv: (m, f, a) =>
      (m.importOwnCsv as (c: Ctx, i: unknown) => Promise<unknown>)(f.ctxFor(a), {
        indicator: ownIndicatorFx.id,
        partyId: f.foreign,
        file: 'region_code,year,value\n564,2024,1\n',
        fileName: 'x.csv',
      }),
    defineCustomIndicator: (m, f, a) =>
      (m.defineCustomIndicator as (c: Ctx, i: unknown) => Promise<unknown>)(f.ctxFor(a), { key: 'intruder', titleFi: 'X', ownerPartyId: f.foreign }),
    updateIndicator: (m, f, a) =>
      (m.updateIndicator as (c: Ctx, id: string, i: unknown) => Promise<unknown>)(f.ctxFor(a), ownIndicatorFx.id, { rowVersion: 1, titleFi: 'X' }),
  },
  demo: {
    seedDemo: (m, f, a) => (m.seedDemo as (c: Ctx) => Promise<unknown>)(f.ctxFor(a)),
  },
  // An agreement of Pohjois-Pohjanmaa coordinated by the foreign party (Oulu), with everything in it (agreementFx below).
  agreements: {
    createAgreement: (m, f, a) => (m.createAgreement as AgreementOp)(f.ctxFor(a), 'HVA19', { titleFi: 'X', validFrom: '2027-01-01', coordinatingPartyId: f.foreign }),
    updateAgreement: (m, f, a) => (m.updateAgreement as AgreementOp)(f.ctxFor(a), agreementFx.agreementId, { rowVersion: 1, titleFi: 'X', validFrom: '2027-01-01' }),
    updateSection: (m, f, a) => (m.updateSection as AgreementOp)(f.ctxFor(a), agreementFx.sectionId, { rowVersion: 1, headingFi: 'X' }),
    addSection: (m, f, a) => (m.addSection as AgreementOp)(f.ctxFor(a), agreementFx.agreementId, { headingFi: 'X' }),
    removeSection: (m, f, a) => (m.removeSection as AgreementOp)(f.ctxFor(a), agreementFx.sectionId, { rowVersion: 1 }),
    moveSection: (m, f, a) => (m.moveSection as AgreementOp)(f.ctxFor(a), agreementFx.sectionId, { direction: 'down' }),
    saveRegionTemplate: (m, f, a) => (m.saveRegionTemplate as AgreementOp)(f.ctxFor(a), agreementFx.agreementId),
    addArea: (m, f, a) => (m.addArea as AgreementOp)(f.ctxFor(a), agreementFx.agreementId, { nameFi: 'X' }),
    updateArea: (m, f, a) => (m.updateArea as AgreementOp)(f.ctxFor(a), agreementFx.areaId, { rowVersion: 1, nameFi: 'X' }),
    removeArea: (m, f, a) => (m.removeArea as AgreementOp)(f.ctxFor(a), agreementFx.areaId, { rowVersion: 1 }),
    addForum: (m, f, a) => (m.addForum as AgreementOp)(f.ctxFor(a), agreementFx.agreementId, { nameFi: 'X', level: 'political', frequency: 'yearly' }),
    updateForum: (m, f, a) => (m.updateForum as AgreementOp)(f.ctxFor(a), agreementFx.forumId, { rowVersion: 1, nameFi: 'X', level: 'political', frequency: 'yearly' }),
    removeForum: (m, f, a) => (m.removeForum as AgreementOp)(f.ctxFor(a), agreementFx.forumId, { rowVersion: 1 }),
    addForumMember: (m, f, a) => (m.addForumMember as AgreementOp)(f.ctxFor(a), agreementFx.forumId, { member: 'group:all', roleFi: 'X' }),
    removeForumMember: (m, f, a) => (m.removeForumMember as AgreementOp)(f.ctxFor(a), agreementFx.forumId, agreementFx.memberId),
    publishVersion: (m, f, a) => (m.publishVersion as AgreementOp)(f.ctxFor(a), agreementFx.agreementId, { label: 'X' }),
    recordPresentation: (m, f, a) =>
      (m.recordPresentation as AgreementOp)(f.ctxFor(a), agreementFx.agreementId, { versionNumber: 1, forumName: 'X', presentedOn: '2026-11-23' }),
    openCommentRound: (m, f, a) => (m.openCommentRound as AgreementOp)(f.ctxFor(a), agreementFx.agreementId, { versionNumber: 1, deadline: '2026-12-31' }),
    closeCommentRound: (m, f, a) => (m.closeCommentRound as AgreementOp)(f.ctxFor(a), agreementFx.agreementId, { rowVersion: 1 }),
    // Commenting is for one's own party only: here as the foreign party.
    addComment: (m, f, a) => (m.addComment as AgreementOp)(f.ctxFor(a), agreementFx.agreementId, { partyId: f.foreign, body: 'X' }),
    withdrawComment: (m, f, a) => (m.withdrawComment as AgreementOp)(f.ctxFor(a), agreementFx.commentId, { rowVersion: 1 }),
    replaceStatement: (m, f, a) => (m.replaceStatement as AgreementOp)(f.ctxFor(a), agreementFx.statementId, { rowVersion: 1, body: 'X' }),
    answerComment: (m, f, a) => (m.answerComment as AgreementOp)(f.ctxFor(a), agreementFx.commentId, { rowVersion: 1, answer: 'accepted', reasoning: 'X' }),
    // Approval: the lifecycle is the coordinator's; chains, decisions and signatures are each party's own (here Oulu's).
    sendToApproval: (m, f, a) => (m.sendToApproval as AgreementOp)(f.ctxFor(a), agreementFx.agreementId, { versionNumber: 1 }),
    returnToDraft: (m, f, a) => (m.returnToDraft as AgreementOp)(f.ctxFor(a), agreementFx.agreementId, { reason: 'X' }),
    saveApprovalChain: (m, f, a) =>
      (m.saveApprovalChain as AgreementOp)(f.ctxFor(a), agreementFx.agreementId, f.foreign, { rowVersion: 0, requiredSignatures: 1, steps: [{ body: 'other', nameFi: 'X', role: 'approve' }] }),
    recordDecision: (m, f, a) =>
      (m.recordDecision as AgreementOp)(f.ctxFor(a), agreementFx.agreementId, { partyId: f.foreign, stepId: f.foreignBodyId, versionNumber: 1, meetingDate: '2026-11-20', outcome: 'approved' }),
    signAgreement: (m, f, a) =>
      (m.signAgreement as AgreementOp)(f.ctxFor(a), agreementFx.agreementId, { partyId: f.foreign, sha256: 'a'.repeat(64), method: 'wet_ink', signerName: 'X', signerTitle: 'X', signedOn: '2026-11-20', place: 'X' }),
    // Correcting mistakes: each party corrects, annuls and revokes only its own records (here Oulu's, in approvalFx).
    correctDecision: (m, f, a) =>
      (m.correctDecision as AgreementOp)(f.ctxFor(a), approvalFx.agreementId, approvalFx.decisionId, { stepId: approvalFx.stepId, versionNumber: 1, meetingDate: '2026-11-20', outcome: 'rejected', rowVersion: 1 }),
    annulDecision: (m, f, a) => (m.annulDecision as AgreementOp)(f.ctxFor(a), approvalFx.agreementId, approvalFx.decisionId, { rowVersion: 1, reason: 'X' }),
    revokeSignature: (m, f, a) => (m.revokeSignature as AgreementOp)(f.ctxFor(a), approvalFx.agreementId, approvalFx.signatureId, { reason: 'X' }),
    // Moving statuses by the calendar is the server's own job: no role of any party may run it.
    updateAgreementStatuses: (m, f, a) => (m.updateAgreementStatuses as AgreementOp)(f.ctxFor(a)),
    sendDeadlineReminders: (m, f, a) => (m.sendDeadlineReminders as AgreementOp)(f.ctxFor(a)),
  },
  // A forum of Pohjois-Pohjanmaa coordinated by Oulu, with a meeting Oulu is invited to as a party (forumFx below).
  forums: {
    createForum: (m, f, a) => (m.createForum as AgreementOp)(f.ctxFor(a), 'HVA19', { ownerPartyId: f.foreign, nameFi: 'X', level: 'political', frequency: 'yearly' }),
    updateForum: (m, f, a) => (m.updateForum as AgreementOp)(f.ctxFor(a), forumFx.forumId, { rowVersion: 1, nameFi: 'X', level: 'political', frequency: 'yearly' }),
    addForumMember: (m, f, a) => (m.addForumMember as AgreementOp)(f.ctxFor(a), forumFx.forumId, { personName: 'X', role: 'member' }),
    removeForumMember: (m, f, a) => (m.removeForumMember as AgreementOp)(f.ctxFor(a), forumFx.forumId, forumFx.memberId),
    createMeeting: (m, f, a) =>
      (m.createMeeting as AgreementOp)(f.ctxFor(a), forumFx.forumId, { titleFi: 'X', startDate: '2027-01-12', startTime: '10:00', endTime: '11:00', place: 'X' }),
    updateMeeting: (m, f, a) =>
      (m.updateMeeting as AgreementOp)(f.ctxFor(a), forumFx.meetingId, { rowVersion: 1, titleFi: 'X', startDate: '2027-01-12', startTime: '10:00', endTime: '11:00', place: 'X', reason: 'X' }),
    cancelMeeting: (m, f, a) => (m.cancelMeeting as AgreementOp)(f.ctxFor(a), forumFx.meetingId, { rowVersion: 1, reason: 'X' }),
    changeMeetingState: (m, f, a) => (m.changeMeetingState as AgreementOp)(f.ctxFor(a), forumFx.meetingId, { rowVersion: 1, state: 'held' }),
    recordAttendance: (m, f, a) => (m.recordAttendance as AgreementOp)(f.ctxFor(a), forumFx.meetingId, { rowVersion: 1, partyIds: [] }),
    sendInvitations: (m, f, a) => (m.sendInvitations as AgreementOp)(f.ctxFor(a), forumFx.meetingId, { rowVersion: 2 }),
    // Forwarding is for one's own party only: here as the foreign party (invited as such).
    nominateInvitee: (m, f, a) => (m.nominateInvitee as AgreementOp)(f.ctxFor(a), forumFx.meetingId, { partyId: f.foreign, personName: 'X', email: 'x@test.invalid' }),
    // Answering is the invitee's own (or the secretary's); without the e-mail link's secret nobody else may.
    answerInvitation: (m, f, a) => (m.answerInvitation as AgreementOp)(f.ctxFor(a), forumFx.inviteeId, { rowVersion: 1, answer: 'yes' }),
    sendMeetingReminders: (m, f, a) => (m.sendMeetingReminders as AgreementOp)(f.ctxFor(a)),
    addAgendaItem: (m, f, a) => (m.addAgendaItem as AgreementOp)(f.ctxFor(a), forumFx.meetingId, { titleFi: 'X' }),
    updateAgendaItem: (m, f, a) => (m.updateAgendaItem as AgreementOp)(f.ctxFor(a), forumFx.itemId, { rowVersion: 1, titleFi: 'X' }),
    removeAgendaItem: (m, f, a) => (m.removeAgendaItem as AgreementOp)(f.ctxFor(a), forumFx.itemId, { rowVersion: 1 }),
    moveAgendaItem: (m, f, a) => (m.moveAgendaItem as AgreementOp)(f.ctxFor(a), forumFx.itemId, { rowVersion: 1, direction: 'down' }),
    attachItemDocument: (m, f, a) =>
      (m.attachItemDocument as AgreementOp)(f.ctxFor(a), forumFx.itemId, { title: 'X' }, { fileName: 'x.pdf', bytes: Buffer.from('%PDF-1.7\n'), truncated: false, maxBytes: 1000 }),
    removeItemAttachment: (m, f, a) => (m.removeItemAttachment as AgreementOp)(f.ctxFor(a), forumFx.attachmentId),
    publishAgenda: (m, f, a) => (m.publishAgenda as AgreementOp)(f.ctxFor(a), forumFx.meetingId, { rowVersion: 3 }),
    recordItemMinutes: (m, f, a) => (m.recordItemMinutes as AgreementOp)(f.ctxFor(a), forumFx.heldItemId, { rowVersion: 1, summaryFi: 'X' }),
    recordPersonAttendance: (m, f, a) => (m.recordPersonAttendance as AgreementOp)(f.ctxFor(a), forumFx.heldMeetingId, { rowVersion: 2, lines: [] }),
    setMinutesCheckers: (m, f, a) =>
      (m.setMinutesCheckers as AgreementOp)(f.ctxFor(a), forumFx.heldMeetingId, { rowVersion: 2, checker1: f.someUserId, checker2: '00000000-0000-4000-8000-000000000000' }),
    // Only the two named checkers confirm the minutes.
    checkMinutes: (m, f, a) => (m.checkMinutes as AgreementOp)(f.ctxFor(a), forumFx.heldMeetingId, { rowVersion: 2 }),
    addActionItem: (m, f, a) => (m.addActionItem as AgreementOp)(f.ctxFor(a), forumFx.heldMeetingId, { title: 'X', ownerPartyId: f.own, dueOn: '2027-01-01' }),
    // The action is the foreign party's: another party's users may not close it.
    closeActionItem: (m, f, a) => (m.closeActionItem as AgreementOp)(f.ctxFor(a), forumFx.actionId, { rowVersion: 1, status: 'done', note: 'X' }),
    // A personal calendar feed is its owner's own (here an Oulu viewer's): nobody else revokes it.
    revokeCalendarFeed: (m, f, a) => (m.revokeCalendarFeed as AgreementOp)(f.ctxFor(a), forumFx.calendarFeedId),
  },
  // Goals of the agreement above (coordinated by Oulu); the measure is owned by Oulu only (goalFx below).
  goals: {
    createGoal: (m, f, a) => (m.createGoal as AgreementOp)(f.ctxFor(a), agreementFx.areaId, { titleFi: 'X' }),
    updateGoal: (m, f, a) => (m.updateGoal as AgreementOp)(f.ctxFor(a), goalFx.goalId, { rowVersion: 1, titleFi: 'X' }),
    addMeasure: (m, f, a) => (m.addMeasure as AgreementOp)(f.ctxFor(a), goalFx.goalId, { titleFi: 'X', ownerPartyIds: [f.own] }),
    updateMeasure: (m, f, a) => (m.updateMeasure as AgreementOp)(f.ctxFor(a), goalFx.measureId, { rowVersion: 1, titleFi: 'X', ownerPartyIds: [f.own], status: 'done' }),
    addMeasureIndicator: (m, f, a) =>
      (m.addMeasureIndicator as AgreementOp)(f.ctxFor(a), goalFx.measureId, { indicatorId: goalFx.indicatorId, scope: 'county', baselineYear: 2022, baselineValue: 1, targetYear: 2030, targetValue: 2 }),
    updateMeasureIndicator: (m, f, a) =>
      (m.updateMeasureIndicator as AgreementOp)(f.ctxFor(a), goalFx.linkId, { rowVersion: 1, scope: 'county', baselineYear: 2022, baselineValue: 1, targetYear: 2030, targetValue: 2 }),
    // Updates and values are each owner party's own: here as the foreign party (and for one's own party, not an owner).
    addMeasureUpdate: (m, f, a) => (m.addMeasureUpdate as AgreementOp)(f.ctxFor(a), goalFx.measureId, { partyId: f.foreign, status: 'late', body: 'X' }),
    recordIndicatorValue: (m, f, a) => (m.recordIndicatorValue as AgreementOp)(f.ctxFor(a), goalFx.linkId, { areaCode: '244', date: '2026-01-01', value: 1, partyId: f.own }),
  },
  // Obligations of Pohjois-Pohjanmaa: negotiations are the county's (HVA19) to record, documents each party's own
  // (here Oulu's); obligationFx below holds one of each, recorded by the system.
  obligations: {
    recordNegotiation: (m, f, a) =>
      (m.recordNegotiation as AgreementOp)(f.ctxFor(a), 'HVA19', { obligationCode: 'hva_14_negotiation', heldOn: '2024-01-01', title: 'X', participantIds: [f.own] }),
    updateNegotiation: (m, f, a) =>
      (m.updateNegotiation as AgreementOp)(f.ctxFor(a), obligationFx.negotiationId, { obligationCode: 'hva_14_negotiation', heldOn: '2024-01-01', title: 'X', participantIds: [f.own], rowVersion: 1 }),
    annulNegotiation: (m, f, a) => (m.annulNegotiation as AgreementOp)(f.ctxFor(a), obligationFx.negotiationId, { rowVersion: 1, reason: 'X' }),
    recordObligationDocument: (m, f, a) =>
      (m.recordObligationDocument as AgreementOp)(
        f.ctxFor(a),
        { obligationCode: 'municipal_yearly_report', partyId: f.foreign, periodKey: 'year:2024', title: 'X', decisionBody: 'X', decisionDate: '2025-01-01', decisionSection: '1' },
        { fileName: 'x.pdf', bytes: Buffer.from('%PDF-1.7\n'), truncated: false, maxBytes: 1000 },
      ),
    annulObligationDocument: (m, f, a) => (m.annulObligationDocument as AgreementOp)(f.ctxFor(a), obligationFx.documentId, { rowVersion: 1, reason: 'X' }),
    // Reminders are the server's own scheduled job: no role of any party may run it.
    sendObligationReminders: (m, f, a) => (m.sendObligationReminders as AgreementOp)(f.ctxFor(a)),
    // The catalogue is every region's reference data: only platform administrators edit its texts.
    updateCatalogueEntry: (m, f, a) => (m.updateCatalogueEntry as AgreementOp)(f.ctxFor(a), 'hva_14_negotiation', { rowVersion: 0, law: 'X', finlexUrl: '', quote: '', source: 'X' }),
  },
};

/** Writes that are not "for a party" by design, with the reason. */
const EXEMPT: Record<string, string> = {
  'feedback.submitAccessibilityFeedback': 'anyone, signed in or not, may send accessibility feedback (digipalvelulaki 306/2019); it belongs to no party',
  'accounts.signInWithPassword': 'proves the caller’s own identity; acts for no party',
  'accounts.signOut': 'ends the caller’s own session',
  'accounts.signInWithOidc': 'proves the caller’s own identity through the OIDC provider; acts for no party',
  'forums.createCalendarFeed': 'creates the signed-in person’s own calendar feed (showing what they may see); acts for no party; tokens and the public are refused (calendar.int.test.ts)',
};

const WRITE_VERB = /^(cancel|send|nominate|forward|invite|remind|reschedule|create|update|add|remove|delete|grant|revoke|import|load|seed|set|save|publish|open|close|submit|answer|record|sign|approve|reject|mark|handle|file|withdraw|present|move|rename|restore|apply|change|edit|upsert|register|correct|annul)[A-Z]/;

const MODULES_DIR = path.resolve(import.meta.dirname, '../src/modules');
const moduleNames = readdirSync(MODULES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

let db: Db;
let fixture: Fixture;
const modules: Record<string, Record<string, (...a: never[]) => Promise<unknown>>> = {};

beforeAll(async () => {
  db = await createTestDb();
  for (const name of moduleNames) modules[name] = (await import(path.join(MODULES_DIR, name, 'index.ts'))) as never;
  const own = await partyIdByCode(db, '244'); // Kempele
  const foreign = await partyIdByCode(db, '564'); // Oulu
  const sys = testCtx(db);
  const parties = modules.parties as unknown as { addPartyBody: (c: Ctx, id: string, i: unknown) => Promise<{ id: string }> };
  const body = await parties.addPartyBody(sys, foreign, { kind: 'kaupunginhallitus', nameFi: 'Kaupunginhallitus' });
  const someone = await createTestActor(db, [{ partyId: foreign, role: 'viewer' }]);
  const tokens = modules.tokens as unknown as { createApiToken: (c: Ctx, p: string, i: unknown) => Promise<{ token: { id: string } }> };
  const token = await tokens.createApiToken(sys, foreign, { name: 'Oulun integraatio', role: 'editor' });
  fixture = { own, foreign, foreignBodyId: body.id, foreignTokenId: token.token.id, someUserId: someone.userId, ctxFor: (a) => testCtx(db, a) };
});
afterAll(async () => db?.close());

type AgreementOp = (c: Ctx, ...rest: unknown[]) => Promise<unknown>;
let agreementFx: Record<'agreementId' | 'sectionId' | 'areaId' | 'forumId' | 'memberId' | 'commentId' | 'statementId', string>;
beforeAll(async () => {
  const ag = modules.agreements as unknown as Record<string, (c: Ctx, ...rest: unknown[]) => Promise<{ id: string }>>;
  const sys = testCtx(db);
  const a = await ag.createAgreement!(sys, 'HVA19', { titleFi: 'Oulun koordinoima', validFrom: '2027-01-01', coordinatingPartyId: fixture.foreign, sectionKeys: ['costs', 'validity'] });
  const section = await ag.addSection!(sys, a.id, { headingFi: 'Oma osio' });
  const area = await ag.addArea!(sys, a.id, { nameFi: 'Osa-alue' });
  const forum = await ag.addForum!(sys, a.id, { nameFi: 'Foorumi', level: 'political', frequency: 'yearly' });
  const member = await ag.addForumMember!(sys, forum.id, { member: 'group:municipalities', roleFi: 'kunnanjohtajat' });
  await ag.publishVersion!(sys, a.id, { label: 'Versio 1' });
  await ag.openCommentRound!(sys, a.id, { versionNumber: 1, deadline: '2026-12-31' });
  const ouluEditor = testCtx(db, await createTestActor(db, [{ partyId: fixture.foreign, role: 'editor' }]));
  const comment = await ag.addComment!(ouluEditor, a.id, { partyId: fixture.foreign, body: 'Kommentti' });
  const statement = await ag.addComment!(ouluEditor, a.id, { partyId: fixture.foreign, kind: 'statement', body: 'Lausunto' });
  agreementFx = { agreementId: a.id, sectionId: section.id, areaId: area.id, forumId: forum.id, memberId: member.id, commentId: comment.id, statementId: statement.id };
});

/** A second agreement coordinated by Oulu, in approval, with Oulu's final approval and one Oulu signature recorded. */
let approvalFx: Record<'agreementId' | 'stepId' | 'decisionId' | 'signatureId', string>;
beforeAll(async () => {
  const ag = modules.agreements as unknown as Record<string, (c: Ctx, ...rest: unknown[]) => Promise<{ id: string }>>;
  const sys = testCtx(db);
  const a = await ag.createAgreement!(sys, 'HVA19', { titleFi: 'Oulun hyväksyttävä', validFrom: '2027-01-01', coordinatingPartyId: fixture.foreign, sectionKeys: ['validity'] });
  await ag.publishVersion!(sys, a.id, { label: 'Versio 1' });
  await ag.sendToApproval!(sys, a.id, { versionNumber: 1 });
  const [step] = await db.query<{ id: string }>(
    `SELECT id FROM agreement_approval_step WHERE agreement_id = $1 AND party_id = $2 AND role = 'approve' AND removed_at IS NULL ORDER BY position DESC LIMIT 1`,
    [a.id, fixture.foreign],
  );
  const [version] = await db.query<{ sha256: string }>('SELECT sha256 FROM agreement_version WHERE agreement_id = $1', [a.id]);
  const decision = await ag.recordDecision!(sys, a.id, { partyId: fixture.foreign, stepId: step!.id, versionNumber: 1, meetingDate: '2026-11-20', outcome: 'approved' });
  const signature = await ag.signAgreement!(sys, a.id, { partyId: fixture.foreign, sha256: version!.sha256, method: 'wet_ink', signerName: 'Kaupunginjohtaja', signerTitle: 'kaupunginjohtaja', signedOn: '2026-11-21', place: 'Oulu' });
  approvalFx = { agreementId: a.id, stepId: step!.id, decisionId: decision.id, signatureId: signature.id };
});

let goalFx: Record<'goalId' | 'measureId' | 'linkId' | 'indicatorId', string>;
beforeAll(async () => {
  const gm = modules.goals as unknown as Record<string, (c: Ctx, ...rest: unknown[]) => Promise<{ id: string }>>;
  const ind = modules.indicators as unknown as Record<string, (c: Ctx, ...rest: unknown[]) => Promise<{ id: string }>>;
  const sys = testCtx(db);
  const indicator = await ind.defineCustomIndicator!(sys, { key: 'authz-goal', titleFi: 'Tavoitemittari', direction: 'higher_is_better' });
  const goal = await gm.createGoal!(sys, agreementFx.areaId, { titleFi: 'Tavoite' });
  const measure = await gm.addMeasure!(sys, goal.id, { titleFi: 'Toimenpide', ownerPartyIds: [fixture.foreign] });
  const link = await gm.addMeasureIndicator!(sys, measure.id, { indicatorId: indicator.id, scope: 'each_municipality', baselineYear: 2022, baselineValue: 1, targetYear: 2030, targetValue: 2 });
  goalFx = { goalId: goal.id, measureId: measure.id, linkId: link.id, indicatorId: indicator.id };
});

let forumFx: Record<'forumId' | 'memberId' | 'meetingId' | 'inviteeId' | 'itemId' | 'attachmentId' | 'heldMeetingId' | 'heldItemId' | 'actionId' | 'calendarFeedId', string>;
beforeAll(async () => {
  const fm = modules.forums as unknown as Record<string, (c: Ctx, ...rest: unknown[]) => Promise<{ id: string; rowVersion: number }>>;
  const sys = testCtx(db);
  const forum = await fm.createForum!(sys, 'HVA19', { ownerPartyId: fixture.foreign, nameFi: 'Oulun foorumi', level: 'managerial', frequency: 'quarterly' });
  const member = await fm.addForumMember!(sys, forum.id, { party: `party:${fixture.foreign}`, personName: 'Jäsen', email: 'jasen@oulu.invalid', role: 'member' });
  const meeting = await fm.createMeeting!(sys, forum.id, { titleFi: 'Kokous', startDate: '2027-01-12', startTime: '10:00', endTime: '11:00', place: 'Oulu' });
  await fm.sendInvitations!(sys, meeting.id, { rowVersion: meeting.rowVersion });
  const [invitee] = await db.query<{ id: string }>('SELECT id FROM meeting_invitee WHERE meeting_id = $1 AND email IS NOT NULL', [meeting.id]);
  const item = await fm.addAgendaItem!(sys, meeting.id, { titleFi: 'Kohta' });
  const attachment = await fm.attachItemDocument!(sys, item.id, { title: 'Liite' }, { fileName: 'l.pdf', bytes: Buffer.from('%PDF-1.7\n'), truncated: false, maxBytes: 1000 });
  const past = await fm.createMeeting!(sys, forum.id, { titleFi: 'Pidetty', startDate: '2026-11-20', startTime: '10:00', endTime: '11:00', place: 'Oulu' });
  const heldItem = await fm.addAgendaItem!(sys, past.id, { titleFi: 'Kohta' });
  await fm.changeMeetingState!(sys, past.id, { rowVersion: past.rowVersion, state: 'held' });
  const action = await fm.addActionItem!(sys, past.id, { title: 'Tehtävä', ownerPartyId: fixture.foreign, dueOn: '2026-12-31' });
  const someone: Actor = { kind: 'user', userId: fixture.someUserId, displayName: 'Oulun katselija', isPlatformAdmin: false, memberships: [{ partyId: fixture.foreign, role: 'viewer' }] };
  const feed = (await (fm.createCalendarFeed as unknown as (c: Ctx) => Promise<{ feed: { id: string } }>)(testCtx(db, someone))).feed;
  forumFx = {
    forumId: forum.id,
    memberId: member.id,
    meetingId: meeting.id,
    inviteeId: invitee!.id,
    itemId: item.id,
    attachmentId: attachment.id,
    heldMeetingId: past.id,
    heldItemId: heldItem.id,
    actionId: action.id,
    calendarFeedId: feed.id,
  };
});

let obligationFx: { negotiationId: string; documentId: string };
beforeAll(async () => {
  const ob = modules.obligations as unknown as {
    recordNegotiation: (c: Ctx, county: string, i: unknown) => Promise<{ id: string }>;
    recordObligationDocument: (c: Ctx, i: unknown, f: unknown) => Promise<{ id: string }>;
  };
  const sys = testCtx(db);
  const n = await ob.recordNegotiation(sys, 'HVA19', { obligationCode: 'hva_14_negotiation', heldOn: '2024-01-01', title: 'Neuvottelu', participantIds: [fixture.foreign] });
  const d = await ob.recordObligationDocument(
    sys,
    { obligationCode: 'municipal_yearly_report', partyId: fixture.foreign, periodKey: 'year:2024', title: 'Raportti', decisionBody: 'Valtuusto', decisionDate: '2025-01-01', decisionSection: '1' },
    { fileName: 'r.pdf', bytes: Buffer.from('%PDF-1.7\n'), truncated: false, maxBytes: 1000 },
  );
  obligationFx = { negotiationId: n.id, documentId: d.id };
});

let ownIndicatorFx: { id: string };
beforeAll(async () => {
  const ind = modules.indicators as unknown as { defineCustomIndicator: (c: Ctx, i: unknown) => Promise<{ id: string }> };
  ownIndicatorFx = await ind.defineCustomIndicator(testCtx(db), { key: 'oulu-own', titleFi: 'Oulun oma mittari', ownerPartyId: fixture.foreign });
});

const ROLES: PartyRole[] = ['admin', 'editor', 'approver', 'viewer'];

async function snapshot() {
  const [a] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
  const [v] = await db.query<{ version: number }>('SELECT version FROM data_version');
  return { audit: a!.n, version: v!.version };
}

describe('a party’s users cannot change another party’s data', () => {
  for (const [moduleName, ops] of Object.entries(MUTATIONS)) {
    for (const [opName, attempt] of Object.entries(ops)) {
      it(`${moduleName}.${opName}: refused for every role of another party, for tokens and for the public`, async () => {
        const mod = modules[moduleName];
        expect(mod?.[opName], `${moduleName} exports ${opName}`).toBeTypeOf('function');
        const actors: [string, Actor][] = [['public', { kind: 'public' }]];
        for (const role of ROLES) {
          actors.push([`user:${role}`, await createTestActor(db, [{ partyId: fixture.own, role }])]);
          actors.push([`token:${role}`, { kind: 'token', tokenId: '00000000-0000-4000-8000-00000000000' + ROLES.indexOf(role), name: `t-${role}`, partyId: fixture.own, role }]);
        }
        for (const [label, actor] of actors) {
          const before = await snapshot();
          const err = await attempt(mod!, fixture, actor).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(err, `${label} must be refused`).toMatchObject({ kind: actor.kind === 'public' ? 'unauthenticated' : (NOT_FOUND_WHEN_FOREIGN.has(`${moduleName}.${opName}`) ? 'not_found' : 'forbidden') });
          expect(await snapshot(), `${label} wrote nothing`).toEqual(before);
        }
      });
    }
  }

  it('every exported use case that writes is in the matrix or exempt with a reason', () => {
    const missing: string[] = [];
    for (const [name, mod] of Object.entries(modules)) {
      for (const [exp, value] of Object.entries(mod)) {
        if (typeof value !== 'function' || !WRITE_VERB.test(exp)) continue;
        const key = `${name}.${exp}`;
        if (!MUTATIONS[name]?.[exp] && !EXEMPT[key]) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
  });
});

/**
 * Approval of an agreement by the parties: approval chains, decision records, signatures, the status an
 * agreement has on a given day, and the decision proposal texts. Pure rules, no database.
 */
import { AppError } from '#platform/errors.ts';
import { canTransition, entryIntoForceDate, type AgreementStatus, type Bilingual, type EntryRule, type PartyRef } from './agreement.ts';

export const STEP_ROLES = ['propose', 'approve', 'take_note'] as const;
export type StepRole = (typeof STEP_ROLES)[number];

/** Outcomes seen in minutes: hyväksytty; hyväksytty muutoksin; hylätty; pöydätty; palautettu valmisteluun. */
export const DECISION_OUTCOMES = ['approved', 'approved_with_changes', 'rejected', 'tabled', 'returned_for_preparation'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
/** Outcomes that mean the party cannot approve this version as it stands: a reason to return to drafting. */
export const CHANGE_NEEDED: readonly DecisionOutcome[] = ['approved_with_changes', 'rejected', 'returned_for_preparation'];

export const SIGNATURE_METHODS = ['in_product', 'wet_ink', 'e_signature'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

export interface ApprovalStep {
  /** null for a default chain that is not saved yet. */
  id: string | null;
  position: number;
  bodyId: string | null;
  bodyKind: string | null;
  body: Bilingual;
  role: StepRole;
}

export interface DecisionRecord {
  id: string;
  partyId: string;
  stepId: string;
  versionId: string;
  versionNumber: number;
  body: Bilingual;
  meetingDate: string;
  section: string;
  diaryNumber: string;
  preparer: string;
  presenter: string;
  proposal: string;
  decision: string;
  outcome: DecisionOutcome;
  minutesUrl: string | null;
  reExaminesId: string | null;
  recordedAt: Date;
  recordedBy: string | null;
  /** Guards corrections (optimistic locking). */
  rowVersion: number;
  /** When the record was last corrected (the audit trail has before/after). */
  correctedAt: Date | null;
  /** An annulled record was entered by mistake: shown struck through, never counted. */
  annulled: RecordWithdrawal | null;
}

/** Who withdrew a record entered by mistake, when, and why. */
export interface RecordWithdrawal {
  at: Date;
  by: string | null;
  reason: string;
}

/** The scanned signature page of a wet-ink signature (the bytes are fetched separately). */
export interface ScanInfo {
  sha256: string;
  sizeBytes: number;
  mediaType: ScanMediaType;
  fileName: string;
}

export const SCAN_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type ScanMediaType = (typeof SCAN_MEDIA_TYPES)[number];

export interface SignatureRecord {
  id: string;
  partyId: string;
  versionId: string;
  versionNumber: number;
  sha256: string;
  method: SignatureMethod;
  signerName: string;
  signerTitle: string;
  signedOn: string;
  place: string;
  reference: string;
  recordedAt: Date;
  /** A revoked signature was recorded by mistake: shown struck through, never counted. */
  revoked: RecordWithdrawal | null;
  scan: ScanInfo | null;
}

export interface PartyBodyRef {
  id: string;
  kind: string;
  name: { fi: string; sv: string; en: string };
}

// ───────────────────────────── default chains ─────────────────────────────

type Kind = 'kunnanhallitus' | 'kunnanvaltuusto' | 'kaupunginhallitus' | 'kaupunginvaltuusto' | 'aluehallitus' | 'aluevaltuusto' | 'maakuntahallitus';
const BODY_NAMES: Record<Kind, Bilingual> = {
  kunnanhallitus: { fi: 'Kunnanhallitus', sv: 'Kommunstyrelsen' },
  kunnanvaltuusto: { fi: 'Kunnanvaltuusto', sv: 'Kommunfullmäktige' },
  kaupunginhallitus: { fi: 'Kaupunginhallitus', sv: 'Stadsstyrelsen' },
  kaupunginvaltuusto: { fi: 'Kaupunginvaltuusto', sv: 'Stadsfullmäktige' },
  aluehallitus: { fi: 'Aluehallitus', sv: 'Välfärdsområdesstyrelsen' },
  aluevaltuusto: { fi: 'Aluevaltuusto', sv: 'Välfärdsområdesfullmäktige' },
  maakuntahallitus: { fi: 'Maakuntahallitus', sv: 'Landskapsstyrelsen' },
};

/** A municipality whose bodies are the city's (kaupunginhallitus/-valtuusto) is a city. */
export const isCity = (type: PartyRef['type'], bodies: readonly Pick<PartyBodyRef, 'kind'>[]) =>
  type === 'city_of_helsinki' || (type === 'municipality' && bodies.some((b) => b.kind === 'kaupunginhallitus' || b.kind === 'kaupunginvaltuusto'));

/**
 * The usual chain for a party type: the board proposes and the council approves (municipality, city,
 * county); the regional council's board approves alone. Uses the party's own body when it has one of
 * that kind (so renamed bodies keep their names), else the usual name.
 */
export function defaultChain(type: PartyRef['type'], bodies: readonly PartyBodyRef[]): ApprovalStep[] {
  const city = isCity(type, bodies);
  const plan: [Kind, StepRole][] =
    type === 'wellbeing_services_county'
      ? [
          ['aluehallitus', 'propose'],
          ['aluevaltuusto', 'approve'],
        ]
      : type === 'regional_council'
        ? [['maakuntahallitus', 'approve']]
        : city
          ? [
              ['kaupunginhallitus', 'propose'],
              ['kaupunginvaltuusto', 'approve'],
            ]
          : [
              ['kunnanhallitus', 'propose'],
              ['kunnanvaltuusto', 'approve'],
            ];
  return plan.map(([kind, role], i) => {
    const own = bodies.find((b) => b.kind === kind);
    return {
      id: null,
      position: i + 1,
      bodyId: own?.id ?? null,
      bodyKind: kind,
      body: own ? { fi: own.name.fi, sv: own.name.sv || BODY_NAMES[kind].sv } : BODY_NAMES[kind],
      role,
    };
  });
}

/** The step whose approval is the party's final approval: the last 'approve' step. */
export const finalStepOf = <S extends Pick<ApprovalStep, 'role'>>(chain: readonly S[]): S | undefined => chain.filter((s) => s.role === 'approve').at(-1);

// ───────────────────────────── progress ─────────────────────────────

/** The decision in force for a step on a version: the latest by meeting date (then by when it was recorded). */
export function decisionInForce(decisions: readonly DecisionRecord[], stepId: string, versionId: string): DecisionRecord | null {
  const mine = decisions.filter((d) => d.stepId === stepId && d.versionId === versionId && !d.annulled);
  mine.sort((a, b) => (a.meetingDate === b.meetingDate ? a.recordedAt.getTime() - b.recordedAt.getTime() : a.meetingDate < b.meetingDate ? -1 : 1));
  return mine.at(-1) ?? null;
}

export interface StepProgress {
  step: ApprovalStep;
  isFinal: boolean;
  /** The decision in force on the approval version. */
  current: DecisionRecord | null;
  done: boolean;
  /** The newest decision of this step on an earlier version (shown as "for an older version"). */
  older: DecisionRecord | null;
}

export interface PartyProgress {
  steps: StepProgress[];
  /** The final approver's approving decision on the approval version, when there is one. */
  finalApproval: DecisionRecord | null;
  /** A body's decision in force on the approval version says the text needs changes. */
  changesNeeded: boolean;
  requiredSignatures: number;
  /** Signatures on the approval version. */
  signatures: SignatureRecord[];
  signaturesComplete: boolean;
  /** The date the party completed its signatures (the latest of them), when complete. */
  signedOn: string | null;
  complete: boolean;
}

export function partyProgress(input: {
  chain: readonly ApprovalStep[];
  decisions: readonly DecisionRecord[];
  signatures: readonly SignatureRecord[];
  approvalVersionId: string | null;
  requiredSignatures: number;
}): PartyProgress {
  const v = input.approvalVersionId;
  const final = finalStepOf(input.chain);
  const steps = input.chain.map((step): StepProgress => {
    const current = v && step.id ? decisionInForce(input.decisions, step.id, v) : null;
    const olderAll = input.decisions.filter((d) => d.stepId === step.id && d.versionId !== v && !d.annulled);
    olderAll.sort((a, b) => b.versionNumber - a.versionNumber || (a.meetingDate < b.meetingDate ? 1 : -1));
    return { step, isFinal: step === final, current, done: current?.outcome === 'approved', older: olderAll[0] ?? null };
  });
  const finalProgress = steps.find((s) => s.isFinal);
  const finalApproval = finalProgress?.done ? finalProgress.current : null;
  const signatures = v ? input.signatures.filter((s) => s.versionId === v && !s.revoked) : [];
  const signaturesComplete = signatures.length >= input.requiredSignatures;
  const signedOn = signaturesComplete ? signatures.map((s) => s.signedOn).sort().at(-1)! : null;
  return {
    steps,
    finalApproval,
    changesNeeded: steps.some((s) => s.current !== null && CHANGE_NEEDED.includes(s.current.outcome)),
    requiredSignatures: input.requiredSignatures,
    signatures,
    signaturesComplete,
    signedOn,
    complete: finalApproval !== null && signaturesComplete,
  };
}

/** When all parties are done, the date the agreement enters into force (else null). */
export function entryDateOf(rule: EntryRule, validFrom: string, progress: readonly PartyProgress[]): string | null {
  return entryIntoForceDate(
    rule,
    validFrom,
    progress.map((p) => ({ approved: p.finalApproval !== null, signedOn: p.complete ? p.signedOn : null })),
  );
}

/**
 * Back to drafting from approval is allowed while no party has its final approval on the approval version,
 * or when some party's body has said the text needs changes (approved with changes, rejected, returned for
 * preparation) — then the version cannot be approved by all as it stands. Otherwise a council's approval
 * would be discarded silently: refused with 'agreements.approvals_exist'.
 */
export function assertCanReturnToDraft(progress: readonly PartyProgress[]): void {
  const approved = progress.filter((p) => p.finalApproval !== null).length;
  if (approved > 0 && !progress.some((p) => p.changesNeeded)) throw new AppError('agreements.approvals_exist', 'conflict', [], { approved });
}

/**
 * Decision records and signatures may be corrected, annulled or revoked while the agreement is not yet in
 * force (signed by all but before the entry-into-force date counts as not in force). From then on the
 * record is final: a change needs a new version or an amendment (`status` is the status today).
 */
export function assertRecordsOpen(status: AgreementStatus): void {
  if (status === 'in_force' || status === 'expired' || status === 'superseded') throw new AppError('agreements.records_final', 'conflict', [], { status });
}

/** The media type of a scanned signature page by its first bytes (magic numbers), whatever its name says. */
export function sniffScanType(bytes: Uint8Array): ScanMediaType | null {
  const starts = (sig: readonly number[]) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

// ───────────────────────────── status by date ─────────────────────────────

const nextDay = (d: string) => {
  const t = new Date(`${d}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
};

/**
 * The status on `today` (Helsinki date). Once all have signed, the dates decide: signed until the entry
 * into force, then in force; superseded when a successor enters into force while this one is in force (at
 * the latest the day after its end date, so a seamless successor wins over "expired"); expired after the
 * end date otherwise. Statuses before signing are as stored.
 */
export function currentStatus(
  a: { status: AgreementStatus; entersIntoForceOn: string | null; validUntil: string | null; successorInForceOn: string | null },
  today: string,
): AgreementStatus {
  if (!['signed_by_all', 'in_force', 'expired', 'superseded'].includes(a.status) || !a.entersIntoForceOn) return a.status;
  if (today < a.entersIntoForceOn) return 'signed_by_all';
  const s = a.successorInForceOn;
  if (s && s <= today && s >= a.entersIntoForceOn && (a.validUntil === null || s <= nextDay(a.validUntil))) return 'superseded';
  if (a.validUntil && today > a.validUntil) return 'expired';
  return 'in_force';
}

/** The legal steps from a stored status to the current one (for the audit trail); null when there are none. */
export function statusPath(from: AgreementStatus, to: AgreementStatus): AgreementStatus[] | null {
  if (from === to) return [];
  const path: AgreementStatus[] = from === 'signed_by_all' && to !== 'in_force' && to !== 'in_approval' ? ['in_force', to] : [to];
  let at = from;
  for (const s of path) {
    if (!canTransition(at, s)) return null;
    at = s;
  }
  return path;
}

// ───────────────────────────── decision proposal texts ─────────────────────────────

const GENERIC_FI = /^(kunnan|kaupungin|alue|maakunta)?(valtuusto|hallitus)$/i;
const GENERIC_SV = /^(kommun|stads|välfärdsområdes|landskaps)?(fullmäktige|styrelsen)$/i;
/** A generic body name is written in lower case inside a sentence; a proper name keeps its capital. */
const inSentence = (name: string, generic: RegExp) => (generic.test(name.trim()) ? name.trim().toLowerCase() : name.trim());

/** The Swedish name of a body: its own, else the usual Swedish name of a usual Finnish one, else the Finnish. */
function swedishName(body: Bilingual): string {
  if (body.sv.trim()) return body.sv.trim();
  const usual = Object.values(BODY_NAMES).find((b) => b.fi.toLowerCase() === body.fi.trim().toLowerCase());
  return usual ? usual.sv : body.fi.trim();
}

/** 'kunnanvaltuusto' → 'kunnanvaltuustolle', 'aluehallitus' → 'aluehallitukselle'; null when unsure. */
function allativeFi(name: string): string | null {
  const n = inSentence(name, GENERIC_FI);
  if (!GENERIC_FI.test(n)) return null;
  if (n.endsWith('valtuusto')) return `${n}lle`;
  if (n.endsWith('hallitus')) return `${n.slice(0, -2)}ukselle`;
  return null;
}

const ON_BEHALF: Record<'municipality' | 'city' | 'county' | 'regional_council', { fi: string; sv: string; signatoryFi: string; signatorySv: string }> = {
  municipality: { fi: 'kunnan', sv: 'kommunens', signatoryFi: 'kunnanjohtajan', signatorySv: 'kommundirektören' },
  city: { fi: 'kaupungin', sv: 'stadens', signatoryFi: 'kaupunginjohtajan', signatorySv: 'stadsdirektören' },
  county: { fi: 'hyvinvointialueen', sv: 'välfärdsområdets', signatoryFi: 'hyvinvointialuejohtajan', signatorySv: 'välfärdsområdesdirektören' },
  regional_council: { fi: 'liiton', sv: 'förbundets', signatoryFi: 'maakuntajohtajan', signatorySv: 'landskapsdirektören' },
};

/**
 * The päätösehdotus for one step, in Finnish and Swedish, ready to paste into the agenda. The proposing
 * board proposes to the next approving body ("Kunnanhallitus esittää kunnanvaltuustolle, että se
 * hyväksyy …"); the final approver approves and authorises the usual signatory; a body that takes note
 * takes note. The agreement is named by its title in quotes (no inflection needed) and its version number.
 */
export function decisionProposal(input: {
  chain: readonly ApprovalStep[];
  stepPosition: number;
  partyType: PartyRef['type'];
  bodies: readonly Pick<PartyBodyRef, 'kind'>[];
  title: Bilingual;
  versionNumber: number;
}): Bilingual {
  const step = input.chain.find((s) => s.position === input.stepPosition);
  if (!step) return { fi: '', sv: '' };
  const kind =
    input.partyType === 'wellbeing_services_county' ? 'county' : input.partyType === 'regional_council' ? 'regional_council' : isCity(input.partyType, [...input.bodies, ...input.chain.map((s) => ({ kind: s.bodyKind ?? '' }))]) ? 'city' : 'municipality';
  const who = ON_BEHALF[kind];
  const titleFi = `”${input.title.fi}” (sopimusversio ${input.versionNumber})`;
  const titleSv = `”${input.title.sv || input.title.fi}” (avtalsversion ${input.versionNumber})`;
  const bodyFi = step.body.fi.trim();
  const bodySv = swedishName(step.body);
  const final = finalStepOf(input.chain);
  if (step.role === 'take_note') {
    return {
      fi: `${bodyFi} merkitsee tiedoksi liitteenä olevan sopimuksen ${titleFi}.`,
      sv: `${bodySv} antecknar det bifogade avtalet ${titleSv} för kännedom.`,
    };
  }
  if (step.role === 'approve') {
    if (step === final) {
      return {
        fi: `${bodyFi} hyväksyy liitteenä olevan sopimuksen ${titleFi} ja valtuuttaa ${who.signatoryFi} allekirjoittamaan sopimuksen ${who.fi} puolesta.`,
        sv: `${bodySv} godkänner det bifogade avtalet ${titleSv} och befullmäktigar ${who.signatorySv} att underteckna avtalet för ${who.sv} räkning.`,
      };
    }
    return {
      fi: `${bodyFi} hyväksyy omalta osaltaan liitteenä olevan sopimuksen ${titleFi}.`,
      sv: `${bodySv} godkänner för sin del det bifogade avtalet ${titleSv}.`,
    };
  }
  // propose: to the next approving body of the chain.
  const next = input.chain.find((s) => s.position > step.position && s.role === 'approve');
  if (!next) {
    return {
      fi: `${bodyFi} esittää, että liitteenä oleva sopimus ${titleFi} hyväksytään.`,
      sv: `${bodySv} föreslår att det bifogade avtalet ${titleSv} godkänns.`,
    };
  }
  const toFi = allativeFi(next.body.fi);
  const nextSv = inSentence(swedishName(next.body), GENERIC_SV);
  return {
    fi: toFi
      ? `${bodyFi} esittää ${toFi}, että se hyväksyy liitteenä olevan sopimuksen ${titleFi}.`
      : `${bodyFi} esittää, että ${inSentence(next.body.fi, GENERIC_FI)} hyväksyy liitteenä olevan sopimuksen ${titleFi}.`,
    sv: `${bodySv} föreslår att ${nextSv} godkänner det bifogade avtalet ${titleSv}.`,
  };
}

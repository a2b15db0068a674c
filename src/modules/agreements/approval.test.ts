import { describe, expect, it } from 'vitest';
import {
  assertCanReturnToDraft,
  assertRecordsOpen,
  sniffScanType,
  currentStatus,
  decisionProposal,
  defaultChain,
  partyProgress,
  statusPath,
  type ApprovalStep,
  type DecisionRecord,
  type SignatureRecord,
} from './index.ts';

const signedAgreement = (f: { entersIntoForceOn: string; validUntil?: string | null; successorInForceOn?: string | null; status?: 'signed_by_all' | 'in_force' | 'expired' }) => ({
  status: f.status ?? ('signed_by_all' as const),
  entersIntoForceOn: f.entersIntoForceOn,
  validUntil: f.validUntil ?? null,
  successorInForceOn: f.successorInForceOn ?? null,
});

describe('the status of the day', () => {
  it('is signed until the entry date, in force from it, expired the day after the end date', () => {
    const a = signedAgreement({ entersIntoForceOn: '2023-01-01', validUntil: '2025-12-31' });
    expect(currentStatus(a, '2022-12-31')).toBe('signed_by_all');
    expect(currentStatus(a, '2023-01-01')).toBe('in_force');
    expect(currentStatus(a, '2025-12-31')).toBe('in_force');
    expect(currentStatus(a, '2026-01-01')).toBe('expired');
    expect(currentStatus(signedAgreement({ entersIntoForceOn: '2023-01-01' }), '2099-01-01')).toBe('in_force'); // until further notice
  });

  it('is superseded when a successor enters into force while it is in force or the day after its end', () => {
    const seamless = signedAgreement({ entersIntoForceOn: '2023-01-01', validUntil: '2025-12-31', successorInForceOn: '2026-01-01' });
    expect(currentStatus(seamless, '2025-12-31')).toBe('in_force');
    expect(currentStatus(seamless, '2026-01-01')).toBe('superseded');
    expect(currentStatus(seamless, '2026-11-23')).toBe('superseded');
    // The successor came into force only after a gap: the old one had expired, it stays expired.
    const gap = signedAgreement({ entersIntoForceOn: '2023-01-01', validUntil: '2025-12-31', successorInForceOn: '2026-02-01' });
    expect(currentStatus(gap, '2026-03-01')).toBe('expired');
    // Replaced before its end date.
    const early = signedAgreement({ entersIntoForceOn: '2023-01-01', validUntil: '2027-12-31', successorInForceOn: '2026-06-01' });
    expect(currentStatus(early, '2026-05-31')).toBe('in_force');
    expect(currentStatus(early, '2026-06-01')).toBe('superseded');
  });

  it('leaves the statuses before signing as stored', () => {
    for (const status of ['draft', 'comment_round', 'in_approval'] as const) {
      expect(currentStatus({ status, entersIntoForceOn: null, validUntil: null, successorInForceOn: null }, '2030-01-01')).toBe(status);
    }
  });

  it('moves a stored status only along legal transitions', () => {
    expect(statusPath('signed_by_all', 'in_force')).toEqual(['in_force']);
    expect(statusPath('signed_by_all', 'expired')).toEqual(['in_force', 'expired']);
    expect(statusPath('in_force', 'superseded')).toEqual(['superseded']);
    expect(statusPath('expired', 'superseded')).toEqual(['superseded']);
    expect(statusPath('in_force', 'signed_by_all')).toBeNull(); // never backwards
    expect(statusPath('superseded', 'expired')).toBeNull();
    expect(statusPath('in_force', 'in_force')).toEqual([]);
  });
});

describe('default approval chains', () => {
  const body = (kind: string, fi: string, sv = '') => ({ id: `id-${kind}`, kind, name: { fi, sv, en: '' } });
  it('board proposes and council approves; a city uses its own bodies; the regional council’s board approves alone', () => {
    expect(defaultChain('municipality', []).map((s) => [s.body.fi, s.body.sv, s.role, s.bodyId])).toEqual([
      ['Kunnanhallitus', 'Kommunstyrelsen', 'propose', null],
      ['Kunnanvaltuusto', 'Kommunfullmäktige', 'approve', null],
    ]);
    const city = defaultChain('municipality', [body('kaupunginvaltuusto', 'Kaupunginvaltuusto', 'Stadsfullmäktige'), body('kaupunginhallitus', 'Kaupunginhallitus')]);
    expect(city.map((s) => [s.body.fi, s.role, s.bodyId])).toEqual([
      ['Kaupunginhallitus', 'propose', 'id-kaupunginhallitus'],
      ['Kaupunginvaltuusto', 'approve', 'id-kaupunginvaltuusto'],
    ]);
    expect(city[0]!.body.sv).toBe('Stadsstyrelsen'); // the body has no Swedish name: the usual one
    expect(defaultChain('wellbeing_services_county', []).map((s) => [s.body.fi, s.role])).toEqual([
      ['Aluehallitus', 'propose'],
      ['Aluevaltuusto', 'approve'],
    ]);
    expect(defaultChain('regional_council', []).map((s) => [s.body.fi, s.role])).toEqual([['Maakuntahallitus', 'approve']]);
    expect(defaultChain('city_of_helsinki', []).map((s) => s.body.fi)).toEqual(['Kaupunginhallitus', 'Kaupunginvaltuusto']);
  });
});

describe('decision proposal texts (päätösehdotus)', () => {
  const title = { fi: 'Keski-Suomen kuntien, Keski-Suomen liiton ja Keski-Suomen hyvinvointialueen puitesopimus', sv: 'Ramavtal i Mellersta Finland' };
  it('the board proposes to the council in Finnish and Swedish; the council approves and authorises the signatory', () => {
    const chain = defaultChain('municipality', []);
    const propose = decisionProposal({ chain, stepPosition: 1, partyType: 'municipality', bodies: [], title, versionNumber: 3 });
    expect(propose.fi).toBe(`Kunnanhallitus esittää kunnanvaltuustolle, että se hyväksyy liitteenä olevan sopimuksen ”${title.fi}” (sopimusversio 3).`);
    expect(propose.sv).toBe('Kommunstyrelsen föreslår att kommunfullmäktige godkänner det bifogade avtalet ”Ramavtal i Mellersta Finland” (avtalsversion 3).');
    const approve = decisionProposal({ chain, stepPosition: 2, partyType: 'municipality', bodies: [], title, versionNumber: 3 });
    expect(approve.fi).toBe(`Kunnanvaltuusto hyväksyy liitteenä olevan sopimuksen ”${title.fi}” (sopimusversio 3) ja valtuuttaa kunnanjohtajan allekirjoittamaan sopimuksen kunnan puolesta.`);
    expect(approve.sv).toContain('Kommunfullmäktige godkänner det bifogade avtalet');
    expect(approve.sv).toContain('befullmäktigar kommundirektören att underteckna avtalet för kommunens räkning.');
  });

  it('fits the county, the regional council, a city, take-note steps and free-text bodies', () => {
    const county = defaultChain('wellbeing_services_county', []);
    expect(decisionProposal({ chain: county, stepPosition: 1, partyType: 'wellbeing_services_county', bodies: [], title, versionNumber: 1 }).fi).toMatch(/^Aluehallitus esittää aluevaltuustolle, että se hyväksyy/);
    expect(decisionProposal({ chain: county, stepPosition: 2, partyType: 'wellbeing_services_county', bodies: [], title, versionNumber: 1 }).fi).toMatch(
      /valtuuttaa hyvinvointialuejohtajan allekirjoittamaan sopimuksen hyvinvointialueen puolesta\.$/,
    );
    const liitto = defaultChain('regional_council', []);
    expect(decisionProposal({ chain: liitto, stepPosition: 1, partyType: 'regional_council', bodies: [], title, versionNumber: 1 }).fi).toMatch(
      /^Maakuntahallitus hyväksyy .* ja valtuuttaa maakuntajohtajan allekirjoittamaan sopimuksen liiton puolesta\.$/,
    );
    const cityBodies = [{ kind: 'kaupunginhallitus' }];
    const city = defaultChain('municipality', [{ id: 'b', kind: 'kaupunginhallitus', name: { fi: 'Kaupunginhallitus', sv: 'Stadsstyrelsen', en: '' } }]);
    expect(decisionProposal({ chain: city, stepPosition: 2, partyType: 'municipality', bodies: cityBodies, title, versionNumber: 1 }).fi).toContain('valtuuttaa kaupunginjohtajan allekirjoittamaan sopimuksen kaupungin puolesta');
    const custom: ApprovalStep[] = [
      { id: 's1', position: 1, bodyId: null, bodyKind: null, body: { fi: 'Integraatiovaliokunta', sv: '' }, role: 'take_note' },
      { id: 's2', position: 2, bodyId: null, bodyKind: null, body: { fi: 'Pirkanmaan liiton hallitus', sv: '' }, role: 'propose' },
      { id: 's3', position: 3, bodyId: null, bodyKind: null, body: { fi: 'Liittovaltuusto', sv: '' }, role: 'approve' },
    ];
    expect(decisionProposal({ chain: custom, stepPosition: 1, partyType: 'regional_council', bodies: [], title, versionNumber: 2 }).fi).toBe(
      `Integraatiovaliokunta merkitsee tiedoksi liitteenä olevan sopimuksen ”${title.fi}” (sopimusversio 2).`,
    );
    // A name the product cannot inflect safely: the proposal is phrased without inflecting it.
    expect(decisionProposal({ chain: custom, stepPosition: 2, partyType: 'regional_council', bodies: [], title, versionNumber: 2 }).fi).toMatch(
      /^Pirkanmaan liiton hallitus esittää, että Liittovaltuusto hyväksyy liitteenä olevan sopimuksen/,
    );
  });
});

describe('a party’s progress on the approval version', () => {
  const chain: ApprovalStep[] = [
    { id: 'kh', position: 1, bodyId: null, bodyKind: null, body: { fi: 'Kunnanhallitus', sv: '' }, role: 'propose' },
    { id: 'kv', position: 2, bodyId: null, bodyKind: null, body: { fi: 'Kunnanvaltuusto', sv: '' }, role: 'approve' },
  ];
  let n = 0;
  const decision = (stepId: string, versionId: string, meetingDate: string, outcome: DecisionRecord['outcome']): DecisionRecord => ({
    id: `d${++n}`,
    partyId: 'p',
    stepId,
    versionId,
    versionNumber: versionId === 'v2' ? 2 : 1,
    body: { fi: stepId, sv: '' },
    meetingDate,
    section: '',
    diaryNumber: '',
    preparer: '',
    presenter: '',
    proposal: '',
    decision: '',
    outcome,
    minutesUrl: null,
    reExaminesId: null,
    recordedAt: new Date(`${meetingDate}T12:00:00Z`),
    recordedBy: null,
    rowVersion: 1,
    correctedAt: null,
    annulled: null,
  });
  const signature = (signedOn: string, versionId = 'v2'): SignatureRecord => ({
    id: `s${++n}`,
    partyId: 'p',
    versionId,
    versionNumber: 2,
    sha256: 'x',
    method: 'wet_ink',
    signerName: 'Kunnanjohtaja',
    signerTitle: 'kunnanjohtaja',
    signedOn,
    place: 'Joutsa',
    reference: '',
    recordedAt: new Date(),
    revoked: null,
    scan: null,
  });

  it('counts only decisions on the approval version; older ones are shown as such', () => {
    const p = partyProgress({ chain, decisions: [decision('kh', 'v1', '2022-10-10', 'approved'), decision('kv', 'v1', '2022-10-31', 'approved')], signatures: [], approvalVersionId: 'v2', requiredSignatures: 1 });
    expect(p.finalApproval).toBeNull();
    expect(p.steps.map((s) => [s.current?.id ?? null, s.older?.versionNumber ?? null])).toEqual([
      [null, 1],
      [null, 1],
    ]);
  });

  it('the latest handling wins: tabled then approved; approved then re-examined and rejected', () => {
    const tabledThenApproved = partyProgress({ chain, decisions: [decision('kv', 'v2', '2022-10-31', 'tabled'), decision('kv', 'v2', '2022-11-14', 'approved')], signatures: [], approvalVersionId: 'v2', requiredSignatures: 1 });
    expect(tabledThenApproved.finalApproval?.meetingDate).toBe('2022-11-14');
    const reversed = partyProgress({ chain, decisions: [decision('kv', 'v2', '2023-02-20', 'approved'), decision('kv', 'v2', '2023-03-13', 'rejected')], signatures: [], approvalVersionId: 'v2', requiredSignatures: 1 });
    expect(reversed.finalApproval).toBeNull();
    expect(reversed.changesNeeded).toBe(true);
  });

  it('is complete with the final approval and all required signatures; signed on the last of them', () => {
    const decisions = [decision('kv', 'v2', '2022-11-14', 'approved')];
    const one = partyProgress({ chain, decisions, signatures: [signature('2022-11-20')], approvalVersionId: 'v2', requiredSignatures: 2 });
    expect([one.signaturesComplete, one.complete, one.signedOn]).toEqual([false, false, null]);
    const two = partyProgress({ chain, decisions, signatures: [signature('2022-11-20'), signature('2022-11-18'), signature('2022-11-25', 'v1')], approvalVersionId: 'v2', requiredSignatures: 2 });
    expect([two.signaturesComplete, two.complete, two.signedOn]).toEqual([true, true, '2022-11-20']);
  });

  it('annulled decisions and revoked signatures stay in the lists but never count', () => {
    const withdrawn = { at: new Date('2022-11-30T10:00:00Z'), by: 'Kirjaaja', reason: 'Kirjattu väärälle osapuolelle' };
    const approved = decision('kv', 'v2', '2022-11-14', 'approved');
    const rejectedByMistake = { ...decision('kv', 'v2', '2022-11-21', 'rejected'), annulled: withdrawn };
    const p = partyProgress({
      chain,
      decisions: [approved, rejectedByMistake],
      signatures: [signature('2022-11-20'), { ...signature('2022-11-25'), revoked: withdrawn }],
      approvalVersionId: 'v2',
      requiredSignatures: 2,
    });
    expect(p.finalApproval?.id).toBe(approved.id);
    expect(p.changesNeeded).toBe(false);
    expect(p.signatures).toHaveLength(1);
    expect([p.signaturesComplete, p.complete]).toEqual([false, false]);
    const onlyAnnulled = partyProgress({ chain, decisions: [{ ...approved, annulled: withdrawn }], signatures: [], approvalVersionId: 'v2', requiredSignatures: 1 });
    expect(onlyAnnulled.finalApproval).toBeNull();
    expect(onlyAnnulled.steps[1]!.current).toBeNull();
  });

  it('return to drafting: allowed with no final approval, or when a body asked for changes; else refused', () => {
    const approved = partyProgress({ chain, decisions: [decision('kv', 'v2', '2022-11-14', 'approved')], signatures: [], approvalVersionId: 'v2', requiredSignatures: 1 });
    const proposedOnly = partyProgress({ chain, decisions: [decision('kh', 'v2', '2022-11-01', 'approved')], signatures: [], approvalVersionId: 'v2', requiredSignatures: 1 });
    const returned = partyProgress({ chain, decisions: [decision('kh', 'v2', '2022-11-01', 'returned_for_preparation')], signatures: [], approvalVersionId: 'v2', requiredSignatures: 1 });
    expect(() => assertCanReturnToDraft([proposedOnly])).not.toThrow();
    expect(() => assertCanReturnToDraft([approved, proposedOnly])).toThrow(expect.objectContaining({ code: 'agreements.approvals_exist' }));
    expect(() => assertCanReturnToDraft([approved, returned])).not.toThrow();
  });
});

describe('correcting records', () => {
  it('is possible until the agreement is in force; then refused with agreements.records_final', () => {
    for (const s of ['draft', 'comment_round', 'in_approval', 'signed_by_all'] as const) expect(() => assertRecordsOpen(s)).not.toThrow();
    for (const s of ['in_force', 'expired', 'superseded'] as const) expect(() => assertRecordsOpen(s)).toThrow(expect.objectContaining({ code: 'agreements.records_final', kind: 'conflict' }));
  });

  it('signed by all goes straight back to approval (not through in force)', () => {
    expect(statusPath('signed_by_all', 'in_approval')).toEqual(['in_approval']);
    expect(statusPath('in_force', 'in_approval')).toBeNull();
  });
});

describe('scanned signature pages', () => {
  const bytes = (...b: number[]) => Uint8Array.from([...b, 0x00, 0x01, 0x02]);
  it('are recognised by their first bytes, not by their name', () => {
    expect(sniffScanType(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ'))).toBe('application/pdf');
    expect(sniffScanType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffScanType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffScanType(new TextEncoder().encode('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffScanType(bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61))).toBeNull(); // GIF
    expect(sniffScanType(new Uint8Array([0x25, 0x50, 0x44]))).toBeNull(); // a cut-off "%PD"
    expect(sniffScanType(new Uint8Array())).toBeNull();
  });
});

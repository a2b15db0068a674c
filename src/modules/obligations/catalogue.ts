/**
 * The catalogue of legal obligations, shipped as reference data (versioned). The wording is not invented: each
 * entry quotes only what ../shared/docs/domain.md §3 and the seed slides (seed 001, Pohjois-Pohjanmaa
 * kuntajohtajafoorumi 14.9.2023) give, and says which of them it cites. The Finlex links follow the address form
 * that domain.md's sources use (https://finlex.fi/fi/lainsaadanto/<year>/<number>).
 */
export const CATALOGUE_VERSION = '2026-1';

/** Who answers for the obligation: the county, each municipality, or both (each municipality with the county). */
export type ObligedKind = 'county' | 'each_municipality' | 'county_and_each_municipality';
/** Per council term (of the aluevaltuusto or of the municipal councils), per calendar year. */
export type Frequency = 'county_term' | 'municipal_term' | 'yearly';
/** What counts as evidence: a recorded negotiation, an uploaded document with its decision record, or a held
 * forum meeting of the obligation's kind with its attendance (src/modules/forums). */
export type EvidenceKind = 'negotiation' | 'document' | 'meeting';

export const OBLIGATION_CODES = ['hva_14_negotiation', 'sote_7_negotiation', 'sote_7_welfare_report', 'municipal_yearly_report', 'municipal_welfare_report', 'agreement_follow_up'] as const;
export type ObligationCode = (typeof OBLIGATION_CODES)[number];

export interface Obligation {
  code: ObligationCode;
  /** The law and section as cited ('Hyvinvointialuelaki 611/2021 14 §'); null for guidance. */
  law: string;
  finlexUrl: string | null;
  obliged: ObligedKind;
  frequency: Frequency;
  evidence: readonly EvidenceKind[];
  /** The words quoted, in Finnish as in the source, and where they come from. */
  quote: string | null;
  source: string;
}

export const OBLIGATIONS: readonly Obligation[] = [
  {
    code: 'hva_14_negotiation',
    law: 'Hyvinvointialuelaki 611/2021 14 §',
    finlexUrl: 'https://finlex.fi/fi/lainsaadanto/2021/611',
    obliged: 'county_and_each_municipality',
    frequency: 'county_term',
    evidence: ['negotiation', 'meeting'],
    quote:
      'Hyvinvointialueen ja sen alueen kuntien on neuvoteltava vähintään valtuustokausittain tehtäviensä hoitamiseen liittyvästä yhteistyöstä, tavoitteista ja työnjaosta.',
    source: 'seed 001 (kuntajohtajafoorumi 14.9.2023); domain.md §3',
  },
  {
    code: 'sote_7_negotiation',
    law: 'Sote-järjestämislaki 612/2021 7 §',
    finlexUrl: 'https://finlex.fi/fi/lainsaadanto/2021/612',
    obliged: 'county_and_each_municipality',
    frequency: 'yearly',
    evidence: ['negotiation', 'meeting'],
    quote:
      'Hyvinvointialueen on neuvoteltava vähintään kerran vuodessa yhdessä alueensa kuntien sekä muiden edellä tässä momentissa mainittujen hyvinvointialueen alueella hyvinvoinnin ja terveyden edistämistyötä tekevien toimijoiden kanssa hyvinvoinnin ja terveyden edistämistä koskevista tavoitteista, toimenpiteistä, yhteistyöstä ja seurannasta.',
    source: 'seed 001; domain.md §3',
  },
  {
    code: 'sote_7_welfare_report',
    law: 'Sote-järjestämislaki 612/2021 7 §',
    finlexUrl: 'https://finlex.fi/fi/lainsaadanto/2021/612',
    obliged: 'county',
    frequency: 'county_term',
    evidence: ['document'],
    quote: 'Hyvinvointialue laatii hyvinvointikertomuksen ja -suunnitelman yhteistyössä alueensa kuntien kanssa.',
    source: 'seed 001; domain.md §3 (once per council term; annual reporting)',
  },
  {
    code: 'municipal_yearly_report',
    law: 'THL',
    finlexUrl: null,
    obliged: 'county_and_each_municipality',
    frequency: 'yearly',
    evidence: ['document'],
    quote: null,
    source: 'domain.md §3: annual report on residents’ wellbeing to the council, municipality (and county) (THL guidance)',
  },
  {
    code: 'municipal_welfare_report',
    law: 'THL',
    finlexUrl: null,
    obliged: 'each_municipality',
    frequency: 'municipal_term',
    evidence: ['document'],
    quote: null,
    source: 'domain.md §3: laaja hyvinvointikertomus + hyvinvointisuunnitelma once per council term (THL)',
  },
  {
    code: 'agreement_follow_up',
    law: '',
    finlexUrl: null,
    obliged: 'county',
    frequency: 'yearly',
    evidence: ['document'],
    quote: null,
    source: 'the cooperation agreement’s own annual follow-up report (domain.md §1.6)',
  },
];

export function obligationByCode(code: string): Obligation | undefined {
  return OBLIGATIONS.find((o) => o.code === code);
}

/** The texts of an entry that a platform administrator may edit (obligation_catalogue_edit). */
export interface CatalogueEdit {
  code: string;
  law: string;
  finlexUrl: string | null;
  quote: string | null;
  source: string;
  rowVersion: number;
}

/** The catalogue in use: the shipped entries with their edits; the version names the edition ('2026-1.2'). */
export interface Catalogue {
  version: string;
  obligations: readonly (Obligation & { rowVersion: number })[];
}

export function mergeCatalogue(edits: readonly CatalogueEdit[]): Catalogue {
  const byCode = new Map(edits.map((e) => [e.code, e]));
  const edition = edits.reduce((n, e) => n + e.rowVersion, 0);
  return {
    version: edition ? `${CATALOGUE_VERSION}.${edition}` : CATALOGUE_VERSION,
    obligations: OBLIGATIONS.map((o) => {
      const e = byCode.get(o.code);
      return e ? { ...o, law: e.law, finlexUrl: e.finlexUrl, quote: e.quote, source: e.source, rowVersion: e.rowVersion } : { ...o, rowVersion: 0 };
    }),
  };
}

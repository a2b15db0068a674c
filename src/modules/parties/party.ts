/** Parties of county–municipality cooperation and the rules that need no database. */
export const PARTY_TYPES = ['municipality', 'wellbeing_services_county', 'city_of_helsinki', 'regional_council'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

export const PARTY_LANGUAGES = ['fi', 'sv', 'fi-sv', 'sv-fi'] as const;
/** fi / sv monolingual; fi-sv bilingual with a Finnish majority; sv-fi bilingual with a Swedish majority. */
export type PartyLanguage = (typeof PARTY_LANGUAGES)[number];

export const isBilingual = (l: PartyLanguage) => l === 'fi-sv' || l === 'sv-fi';

export interface LocalisedName {
  fi: string;
  sv: string;
  en: string;
}

export interface Party {
  id: string;
  type: PartyType;
  code: string;
  businessId: string | null;
  businessIdSource: string | null;
  name: LocalisedName;
  language: PartyLanguage;
  regionCode: string | null;
  countyCode: string | null;
  population: number | null;
  populationYear: number | null;
  contact: {
    email: string | null;
    phone: string | null;
    streetAddress: string | null;
    postalCode: string | null;
    postOffice: string | null;
    website: string | null;
  };
  endedOn: string | null;
  successorId: string | null;
  rowVersion: number;
}

export interface PartyBody {
  id: string;
  partyId: string;
  kind: string;
  name: LocalisedName;
  position: number;
  rowVersion: number;
}

/** The usual decision-making bodies, offered when a party adds one (free text is allowed too). */
export const BODY_KINDS = [
  'kunnanvaltuusto',
  'kunnanhallitus',
  'kaupunginvaltuusto',
  'kaupunginhallitus',
  'lautakunta',
  'aluevaltuusto',
  'aluehallitus',
  'valiokunta',
  'maakuntavaltuusto',
  'maakuntahallitus',
  'johtoryhma',
  'muu',
] as const;

export interface Region {
  code: string;
  name: LocalisedName;
  population: number;
}

/** A cooperation region: one wellbeing services county (or Helsinki), its municipalities, its regional council. */
export interface CooperationRegion {
  code: string;
  name: LocalisedName;
  shortName: { fi: string; sv: string };
  type: 'wellbeing_services_county' | 'city_of_helsinki';
  regionCode: string;
  regionName: LocalisedName;
  collaborativeAreaName: string;
  population: number;
  municipalityCount: number;
  partyCount: number;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

/**
 * Finnish Business ID (Y-tunnus): seven digits, a hyphen and a check digit; weights 7,9,10,5,8,4,2,
 * remainder mod 11: 0 → 0, 1 → never issued, else 11 − r. Older six-digit ids are zero-padded.
 */
export function normaliseBusinessId(input: string): string {
  const s = input.trim();
  return /^\d{6}-\d$/.test(s) ? `0${s}` : s;
}

export function businessIdProblem(input: string): 'business_id_format' | 'business_id_checksum' | null {
  const s = normaliseBusinessId(input);
  if (!/^\d{7}-\d$/.test(s)) return 'business_id_format';
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  const r = sum % 11;
  if (r === 1) return 'business_id_checksum';
  const check = r === 0 ? 0 : 11 - r;
  return check === Number(s[8]) ? null : 'business_id_checksum';
}

export const isValidBusinessId = (s: string) => businessIdProblem(s) === null;

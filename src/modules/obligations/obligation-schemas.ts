import { z } from 'zod';
import { OBLIGATION_CODES } from './catalogue.ts';

const isoDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date');
const ids = z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().uuid('invalid_choice')));

export const ZNegotiationInput = z.object({
  obligationCode: z.enum(OBLIGATION_CODES),
  heldOn: isoDate,
  title: z.string().trim().min(1).max(300),
  participantIds: ids.pipe(z.array(z.string()).min(1, 'required')),
});
export type TNegotiationInput = z.output<typeof ZNegotiationInput>;

export const ZNegotiationUpdate = ZNegotiationInput.extend({ rowVersion: z.coerce.number().int().min(1) });

export const ZAnnulInput = z.object({ rowVersion: z.coerce.number().int().min(1), reason: z.string().trim().min(1).max(1000) });

export const ZDocumentInput = z.object({
  obligationCode: z.enum(OBLIGATION_CODES),
  partyId: z.string().uuid('invalid_choice'),
  periodKey: z.string().trim().regex(/^(term|year):\d{4}$/, 'invalid_period'),
  title: z.string().trim().min(1).max(300),
  decisionBody: z.string().trim().min(1).max(200),
  decisionDate: isoDate,
  decisionSection: z.string().trim().min(1).max(40),
});
export type TDocumentInput = z.output<typeof ZDocumentInput>;

const optionalText = (max: number) => z.string().trim().max(max).transform((s) => (s === '' ? null : s));

/** A platform administrator's edit of a catalogue entry's texts; rowVersion 0 edits the shipped entry. */
export const ZCatalogueEdit = z.object({
  rowVersion: z.coerce.number().int().min(0),
  law: z.string().trim().min(1).max(200),
  finlexUrl: z.union([z.literal(''), z.string().trim().url('invalid_url').max(500).refine((u) => u.startsWith('https://'), 'invalid_url')]).transform((s) => (s === '' ? null : s)),
  quote: optionalText(4000),
  source: z.string().trim().min(1).max(500),
});

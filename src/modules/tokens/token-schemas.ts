import { z } from 'zod';
import { PARTY_ROLES } from '#platform/actor.ts';

/** Input of a new token. Given `today` (YYYY-MM-DD, Helsinki), an expiry day before it is refused. */
export const createApiTokenSchema = (today?: string) =>
  z.object({
    name: z.string().trim().min(1).max(100).describe('What the token is for, e.g. "Asianhallinta-integraatio"'),
    role: z.enum(PARTY_ROLES, { message: 'invalid_choice' }).describe('The one role the token acts with in its party'),
    expiresOn: z
      .union([z.literal(''), z.iso.date('invalid_date')])
      .nullish()
      .transform((s) => (s ? s : null))
      .refine((d) => !today || !d || d >= today, 'date_in_past')
      .describe('Last day the token works (Helsinki time), YYYY-MM-DD; none = no expiry'),
  });

export const ZCreateApiToken = createApiTokenSchema();
export type TCreateApiToken = z.input<typeof ZCreateApiToken>;

import { z } from 'zod';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s ? s : null));

export const ZFeedbackInput = z.object({
  name: optionalText(200),
  email: optionalText(200).refine((v) => v === null || z.string().email().safeParse(v).success, 'invalid_email'),
  /** Which page or what part of the service the feedback is about. */
  pageUrl: optionalText(500),
  message: z.string().trim().min(1).max(5000),
  lang: z.enum(['fi', 'sv', 'en']).default('fi'),
});
export type TFeedbackInput = z.input<typeof ZFeedbackInput>;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const ZFeedbackListQuery = z.object({
  status: z.preprocess(blankToUndefined, z.enum(['open', 'handled', 'all'], { message: 'invalid_choice' }).default('all')),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(20)),
  offset: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).default(0)),
});
export type TFeedbackListQuery = z.output<typeof ZFeedbackListQuery>;

import { z } from 'zod';
import { ZDate, ZId, ZOptionalDate, ZOptionalId, ZRowVersionNumber, requiredText, text } from '#platform/form-fields.ts';
import { COMMENT_ANSWERS, COMMENT_KINDS, FORUM_FREQUENCIES, FORUM_LEVELS, MEMBER_GROUPS } from './agreement.ts';

export { ZDate, ZId };

/** Named so that `{ rowVersion }` reads as the field it is. */
const rowVersion = ZRowVersionNumber;
/** Just the version the user saw: for removals, withdrawals and closing. */
export const ZRowVersion = z.object({ rowVersion });
/** A list from repeated form fields (checkboxes) or a JSON array; a single value becomes a one-item list. */
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(item));

const agreementFields = {
  titleFi: requiredText(300),
  titleSv: text(300),
  validFrom: ZDate,
  validUntil: ZOptionalDate,
  predecessorId: ZOptionalId,
  coordinatingPartyId: ZOptionalId,
  partyIds: list(ZId).optional(),
};

const untilAfterFrom = (v: { validFrom: string; validUntil: string | null }, ctx: z.RefinementCtx) => {
  if (v.validUntil && v.validUntil < v.validFrom) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'date_range_reversed' });
};

export const ZCreateAgreement = z
  .object({
    ...agreementFields,
    template: z.enum(['model', 'region'], { message: 'invalid_choice' }).default('model'),
    /** Keys of the template sections to take (default: all). */
    sectionKeys: list(z.string().trim().max(100)).optional(),
  })
  .superRefine(untilAfterFrom);
export type TCreateAgreement = z.output<typeof ZCreateAgreement>;

export const ZUpdateAgreement = z.object({ ...agreementFields, rowVersion }).superRefine(untilAfterFrom);
export type TUpdateAgreement = z.output<typeof ZUpdateAgreement>;

export const ZSectionInput = z.object({
  headingFi: requiredText(300),
  headingSv: text(300),
  bodyFi: text(50_000),
  bodySv: text(50_000),
});
export type TSectionInput = z.output<typeof ZSectionInput>;
export const ZSectionUpdate = ZSectionInput.extend({ rowVersion });

export const ZMoveSection = z.object({ direction: z.enum(['up', 'down'], { message: 'invalid_choice' }) });

export const ZAreaInput = z.object({
  nameFi: requiredText(300),
  nameSv: text(300),
  descriptionFi: text(10_000),
  descriptionSv: text(10_000),
  countySideFi: text(500),
  countySideSv: text(500),
  municipalSideFi: text(500),
  municipalSideSv: text(500),
  regionalCouncilSideFi: text(500),
  regionalCouncilSideSv: text(500),
});
export type TAreaInput = z.output<typeof ZAreaInput>;
export const ZAreaUpdate = ZAreaInput.extend({ rowVersion, position: z.coerce.number().int().min(0).max(999).optional() });

export const ZForumInput = z.object({
  nameFi: requiredText(300),
  nameSv: text(300),
  level: z.enum(FORUM_LEVELS, { message: 'invalid_choice' }),
  frequency: z.enum(FORUM_FREQUENCIES, { message: 'invalid_choice' }),
  frequencyNoteFi: text(300),
  frequencyNoteSv: text(300),
  purposeFi: text(5_000),
  purposeSv: text(5_000),
});
export type TForumInput = z.output<typeof ZForumInput>;
export const ZForumUpdate = ZForumInput.extend({ rowVersion, position: z.coerce.number().int().min(0).max(999).optional() });

/** `member` is 'group:municipalities' (a group of the agreement's parties) or 'party:<id>'. */
export const ZForumMemberInput = z.object({
  member: z
    .string()
    .trim()
    .transform((s, ctx) => {
      const [kind, value = ''] = s.split(':', 2);
      if (kind === 'group' && (MEMBER_GROUPS as readonly string[]).includes(value)) return { partyId: null, group: value as (typeof MEMBER_GROUPS)[number] };
      if (kind === 'party' && ZId.safeParse(value).success) return { partyId: value, group: null };
      ctx.addIssue({ code: 'custom', message: 'invalid_choice' });
      return z.NEVER;
    }),
  roleFi: requiredText(200),
  roleSv: text(200),
});

export const ZPublishVersion = z.object({ label: requiredText(200) });

export const ZOpenCommentRound = z.object({ versionNumber: z.coerce.number().int().min(1), deadline: ZDate });

export const ZAddComment = z.object({
  partyId: ZId,
  kind: z.enum(COMMENT_KINDS, { message: 'invalid_choice' }).default('comment'),
  sectionId: ZOptionalId,
  lang: z.enum(['fi', 'sv'], { message: 'invalid_choice' }).default('fi'),
  body: requiredText(20_000),
});
export const ZReplaceStatement = z.object({
  rowVersion,
  lang: z.enum(['fi', 'sv'], { message: 'invalid_choice' }).default('fi'),
  body: requiredText(20_000),
});
export const ZAnswerComment = z.object({
  rowVersion,
  answer: z.enum(COMMENT_ANSWERS, { message: 'invalid_choice' }),
  reasoning: requiredText(10_000),
});

export const ZRecordPresentation = z
  .object({
    versionNumber: z.coerce.number().int().min(1),
    forumId: ZOptionalId,
    forumName: text(300),
    presentedOn: ZDate,
    note: text(1_000),
  })
  .superRefine((v, ctx) => {
    if (!v.forumId && !v.forumName) ctx.addIssue({ code: 'custom', path: ['forumName'], message: 'forum_required' });
  });

import { z } from 'zod';
import { PARTY_ROLES } from '#platform/actor.ts';

export const ZEmail = z.string().trim().toLowerCase().email('invalid_email').max(200);
export const ZPassword = z.string().min(12, 'password_too_short').max(200);

export const ZSignIn = z.object({
  email: ZEmail,
  password: z.string().min(1).max(200),
});

export const ZCreateUser = z.object({
  email: ZEmail,
  displayName: z.string().trim().min(1).max(200),
  title: z.string().trim().max(200).optional().transform((s) => (s ? s : null)),
  password: ZPassword.optional(),
  isPlatformAdmin: z.boolean().default(false),
  preferredLang: z.enum(['fi', 'sv', 'en']).default('fi'),
  memberships: z.array(z.object({ partyId: z.string().uuid('invalid_uuid'), role: z.enum(PARTY_ROLES) })).default([]),
});
export type TCreateUser = z.input<typeof ZCreateUser>;

export const ZGrantMembership = z.object({
  userId: z.string().uuid('invalid_uuid'),
  role: z.enum(PARTY_ROLES, { message: 'invalid_choice' }),
  /** The role the form showed; if it has changed since, the change is refused as a conflict. */
  expectedRole: z.enum(PARTY_ROLES, { message: 'invalid_choice' }).optional(),
});

/** A party administrator adds an existing account to the party by its e-mail address. */
export const ZAddMemberByEmail = z.object({
  email: ZEmail,
  role: z.enum(PARTY_ROLES, { message: 'invalid_choice' }),
});

import { z } from 'zod';
import { listAuditEvents, type AuditEvent } from '#modules/audit/index.ts';
import { nextPageLink, op } from './define.ts';

const ZAuditEventOut = z
  .object({
    id: z.number().int().describe('Grows with time; unique'),
    occurredAt: z.string().describe('ISO 8601 instant (UTC)'),
    actor: z.object({
      label: z.string().describe('Name of the user, `token:<name>`, `system:<task>` or `public`, as recorded'),
      userId: z.string().uuid().nullable(),
      tokenId: z.string().uuid().nullable(),
    }),
    party: z
      .object({ id: z.string().uuid(), name: z.object({ fi: z.string(), sv: z.string(), en: z.string() }) })
      .nullable()
      .describe('null for platform events (sign-ins, accounts, reference data); only platform administrators see those'),
    action: z.string().describe('Stable action code, e.g. party.update, party_body.create, membership.grant, session.sign_in'),
    target: z.object({
      type: z.string().describe('party, party_body, user, api_token, accessibility_feedback, …'),
      id: z.string().nullable(),
      label: z.string().nullable().describe('Current name of the target, when it has one'),
    }),
    before: z.record(z.string(), z.unknown()).nullable().describe('Changed fields before the change'),
    after: z.record(z.string(), z.unknown()).nullable().describe('Changed fields after the change'),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });

const ZAuditQueryDoc = z.object({
  party: z.string().uuid('invalid_uuid').optional().describe('One party; without it, every party the caller administers (all for platform administrators)'),
  action: z.string().max(100).optional().describe('Action code or its beginning: `party.` matches party.update, `membership` matches membership.*'),
  actor: z.string().max(100).optional().describe('Text in the actor’s recorded name (case-insensitive)'),
  targetType: z.string().max(50).optional().describe('e.g. party, party_body, user'),
  from: z.iso.date({ message: 'invalid_date' }).optional().describe('Helsinki calendar date YYYY-MM-DD, inclusive'),
  to: z.iso.date({ message: 'invalid_date' }).optional().describe('Helsinki calendar date YYYY-MM-DD, inclusive'),
  limit: z.coerce.number().int().min(1).max(200).optional().describe('Page size (default 50)'),
  offset: z.coerce.number().int().min(0).optional(),
});

const eventOut = (e: AuditEvent): z.infer<typeof ZAuditEventOut> => ({ ...e, occurredAt: e.occurredAt.toISOString() });

export const auditOperations = [
  op({
    operationId: 'listAuditEvents',
    method: 'get',
    path: '/audit',
    tag: 'audit',
    summary: 'Browse the audit trail, newest first',
    description:
      'Every change and sign-in, newest first. A party administrator (user or admin API token) sees only the events of the parties they administer and is refused (403) another party; platform administrators see all events. Editors, approvers and viewers are refused.',
    security: 'authenticated',
    query: ZAuditQueryDoc,
    response: z
      .object({
        items: z.array(ZAuditEventOut),
        total: z.number().int(),
        next: z.string().nullable().describe('URL of the next page, null on the last page'),
      })
      .meta({ id: 'AuditEventList' }),
    handler: async (ctx, { query }, req) => {
      const res = await listAuditEvents(ctx, query);
      const next = nextPageLink(req, res);
      return { items: res.items.map(eventOut), total: res.total, next };
    },
  }),
];

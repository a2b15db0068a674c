export { adminPartyIds, type AuditEvent, type AuditPage, type AuditScope } from './audit.ts';
export { ZAuditQuery, type TAuditQuery } from './audit-schemas.ts';
export { auditPolicy, type AuditAbility } from './audit-policy.ts';
export { listAuditEvents } from './list-audit-events.ts';
export { listAuditScope, type AuditScopeChoices } from './list-audit-scope.ts';

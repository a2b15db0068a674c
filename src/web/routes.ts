import { type RouteConfig, route, index, prefix } from '@react-router/dev/routes';

/**
 * Every page exists in Finnish (unprefixed), Swedish (/sv) and English (/en).
 * `page(path, file)` declares the three URLs for one route module.
 */
const LANG_PREFIXES = ['', 'sv', 'en'] as const;

function pages(defs: [path: string, file: string][]) {
  return LANG_PREFIXES.flatMap((lang) => {
    const mk = (path: string, file: string) =>
      path === '' ? index(file, { id: `${lang || 'fi'}:${file}` }) : route(path, file, { id: `${lang || 'fi'}:${file}` });
    const children = defs.map(([p, f]) => mk(p, f));
    return lang ? prefix(lang, children) : children;
  });
}

export default [
  ...pages([
    ['', 'routes/home.tsx'],
    ['regions/:code', 'routes/region.tsx'],
    ['regions/:code/agreements', 'routes/agreements.tsx'],
    ['regions/:code/situation', 'routes/region-situation.tsx'],
    ['regions/:code/situation.csv', 'routes/region-situation-csv.tsx'],
    ['regions/:code/situation/compare', 'routes/region-situation-compare.tsx'],
    ['regions/:code/agreements/new', 'routes/agreement-new.tsx'],
    ['agreements/:id', 'routes/agreement.tsx'],
    ['agreements/:id/edit', 'routes/agreement-edit.tsx'],
    ['agreements/:id/sections', 'routes/agreement-sections.tsx'],
    ['agreements/:id/sections/:sectionId', 'routes/agreement-section-edit.tsx'],
    ['agreements/:id/areas', 'routes/agreement-areas.tsx'],
    ['agreements/:id/goals', 'routes/agreement-goals.tsx'],
    ['agreements/:id/report', 'routes/agreement-report.tsx'],
    ['agreements/:id/report.docx', 'routes/agreement-report-docx.tsx'],
    ['agreements/:id/report.pdf', 'routes/agreement-report-pdf.tsx'],
    ['goals/:id', 'routes/goal.tsx'],
    ['measures/:id', 'routes/measure.tsx'],
    ['agreements/:id/forums', 'routes/agreement-forums.tsx'],
    ['agreements/:id/versions/:number', 'routes/agreement-version.tsx'],
    ['agreements/:id/versions/:number/export.docx', 'routes/agreement-version-docx.tsx'],
    ['agreements/:id/versions/:number/export.pdf', 'routes/agreement-version-pdf.tsx'],
    ['agreements/:id/record', 'routes/agreement-record.tsx'],
    ['agreements/:id/diff', 'routes/agreement-diff.tsx'],
    ['agreements/:id/comments', 'routes/agreement-comments.tsx'],
    ['agreements/:id/comments/summary', 'routes/agreement-comments-summary.tsx'],
    ['agreements/:id/comments.csv', 'routes/agreement-comments-csv.tsx'],
    ['agreements/:id/approval', 'routes/agreement-approval.tsx'],
    ['agreements/:id/approval.csv', 'routes/agreement-approval-csv.tsx'],
    ['agreements/:id/parties/:partyId/decisions', 'routes/agreement-party-decisions.tsx'],
    ['agreements/:id/parties/:partyId/decisions/:decisionId', 'routes/agreement-party-decision.tsx'],
    ['agreements/:id/signatures/:signatureId/scan', 'routes/agreement-signature-scan.tsx'],
    ['agreements/:id/parties/:partyId/signatures', 'routes/agreement-party-signatures.tsx'],
    ['agreements/:id/parties/:partyId/chain', 'routes/agreement-party-chain.tsx'],
    ['regions/:code/forums', 'routes/region-forums.tsx'],
    ['regions/:code/obligations', 'routes/region-obligations.tsx'],
    ['obligations', 'routes/national-obligations.tsx'],
    ['obligations.csv', 'routes/national-obligations-csv.tsx'],
    ['obligations/catalogue', 'routes/obligation-catalogue.tsx'],
    ['obligations/negotiations/:id/minutes', 'routes/obligation-minutes.tsx'],
    ['obligations/documents/:id/file', 'routes/obligation-document-file.tsx'],
    ['forums/:id', 'routes/forum.tsx'],
    ['meetings/:id', 'routes/meeting.tsx'],
    ['meetings/:id/agenda', 'routes/meeting-agenda.tsx'],
    ['meetings/:id/minutes', 'routes/meeting-minutes.tsx'],
    ['meetings/:id/documents/:file', 'routes/meeting-document.tsx'],
    ['attachments/:id', 'routes/meeting-attachment.tsx'],
    ['regions/:code/actions', 'routes/region-actions.tsx'],
    ['parties/:id/actions', 'routes/party-actions.tsx'],
    ['invitations/:token', 'routes/invitation.tsx'],
    ['parties', 'routes/parties.tsx'],
    ['parties/:id', 'routes/party.tsx'],
    ['parties/:id/edit', 'routes/party-edit.tsx'],
    ['parties/:id/people', 'routes/party-people.tsx'],
    ['parties/:id/situation', 'routes/party-situation.tsx'],
    ['parties/:id/obligations', 'routes/party-obligations.tsx'],
    ['audit', 'routes/audit.tsx'],
    ['accessibility', 'routes/accessibility.tsx'],
    ['admin/feedback', 'routes/admin-feedback.tsx'],
    ['sign-in', 'routes/sign-in.tsx'],
    ['sign-out', 'routes/sign-out.tsx'],
    ['tokens', 'routes/tokens.tsx'],
    ['regions/:code/calendar', 'routes/region-calendar.tsx'],
    ['regions/:code/calendar.ics', 'routes/region-calendar-ics.tsx'],
    ['forums/:id/calendar.ics', 'routes/forum-calendar-ics.tsx'],
    ['parties/:id/calendar.ics', 'routes/party-calendar-ics.tsx'],
    ['my-calendar', 'routes/my-calendar.tsx'],
    ['calendar/:file', 'routes/personal-calendar-ics.tsx'],
  ]),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;

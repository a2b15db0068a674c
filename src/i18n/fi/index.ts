import { a11y } from './a11y.ts';
import { agreements } from './agreements.ts';
import { admin } from './admin.ts';
import { auth } from './auth.ts';
import { cli } from './cli.ts';
import { common } from './common.ts';
import { errors } from './errors.ts';
import { indicators } from './indicators.ts';
import { mail } from './mail.ts';
import { agreementMail } from './agreement-mail.ts';
import { agreementDocument } from './agreement-document.ts';
import { parties } from './parties.ts';
import { tokens } from './tokens.ts';
import { validation } from './validation.ts';
import { goals } from './goals.ts';
import { situation } from './situation.ts';
import { reports } from './reports.ts';
import { forumMail } from './forum-mail.ts';
import { forums } from './forums.ts';
import { obligations } from './obligations.ts';
import { minutes } from './minutes.ts';
import { calendar } from './calendar.ts';

export const fi = { agreements, common, errors, validation, parties, auth, admin, a11y, cli, tokens, indicators, mail, agreementMail, agreementDocument, situation, goals, reports, forumMail, forums, obligations, minutes, calendar };
/** Finnish is the source type: every other language must have exactly these keys. */
export type Catalog = typeof fi;

import type { a11y as fi } from '../fi/a11y.ts';

export const a11y: typeof fi = {
  title: 'Accessibility statement',
  statedOn: '2026-11-23',
  intro: [
    'This accessibility statement covers the Kumppanuus service, in which a wellbeing services county, the municipalities of its area and the regional council run their strategic cooperation. The statement covers every page of the service in Finnish, Swedish and English.',
    'The service is subject to the Act on the Provision of Digital Services (306/2019). Under the Act the service must meet the requirements of the European standard EN 301 549, which correspond to levels A and AA of the Web Content Accessibility Guidelines (WCAG 2.1).',
  ],
  statusTitle: 'Compliance status',
  status: 'The service partially meets the accessibility requirements.',
  statusDetails: [
    'The service has been designed and built to meet level AA of WCAG 2.1. Pages work without JavaScript and with a keyboard alone, every page has a link to skip to the content, form fields are labelled, and errors are given as text next to the field and at the top of the form. Text can be enlarged to 200 per cent without content being lost.',
    'Known shortcomings are listed below. We are fixing them and will update this statement as we do.',
  ],
  assessmentTitle: 'How accessibility was assessed',
  assessment: [
    'This is a self-assessment by the developers of the service. Pages are checked automatically with the axe tool in the Chromium browser whenever the service changes, and use with a keyboard alone and without JavaScript is tested.',
    'The service has not yet been assessed by an outside expert, and it has not yet been tested systematically with screen readers (such as NVDA, JAWS or VoiceOver).',
  ],
  shortcomingsTitle: 'Content that is not yet accessible',
  shortcomings: [
    'Charts and maps (to come): the charts and maps of the situational picture have not been published yet. When they are, the same information will also be given as a table and as text (WCAG 1.1.1 and 1.4.1).',
    'Screen readers: the service has not yet been tested systematically with screen readers, so there may be problems that automatic checks do not find (WCAG 4.1.2).',
    'Content written by users: texts that the parties enter themselves may be in a language other than the page, and their language is not always marked (WCAG 3.1.2).',
  ],
  statedTitle: 'Preparation of this statement',
  stated: (date: string) =>
    `This statement was prepared on ${date}. It is based on a self-assessment. We update it when the service changes in ways that affect accessibility, and at least once a year.`,
  feedbackTitle: 'Feedback and contact information',
  feedbackText: [
    'Did you notice an accessibility problem in the service, or do you need some content in an accessible form? Tell us with the form on this page. Feedback is handled by the administrators of the service.',
    'We answer within 14 days of receiving your feedback. If you would like an answer, give your e-mail address. You can also give feedback anonymously.',
  ],
  supervisorTitle: 'Supervisory authority',
  supervisor: [
    'If you notice accessibility problems in the service, first give feedback to us. If you are not satisfied with our answer, or get no answer within two weeks, you can report the matter to the supervisory authority.',
    'Compliance with the accessibility requirements is supervised by the Accessibility Monitoring Unit of the Regional State Administrative Agency for Southern Finland. The tasks of the Regional State Administrative Agencies move to the Permit and Supervision Agency (Lupa- ja valvontavirasto) from the start of 2026, so supervision may now belong to it. Check the current contact details on the supervisor’s website.',
  ],
  supervisorContactTitle: 'Contact details of the supervisory authority',
  supervisorName: 'Regional State Administrative Agency for Southern Finland, Accessibility Monitoring Unit (from 2026 possibly the Permit and Supervision Agency)',
  supervisorWeb: 'Website',
  supervisorEmail: 'E-mail',
  supervisorPhone: 'Telephone (switchboard)',
  form: {
    title: 'Give accessibility feedback',
    intro: 'All fields except the feedback are optional. The details are used only to handle and answer your feedback.',
    name: 'Name',
    email: 'E-mail address',
    emailHint: 'If you would like an answer. We answer within 14 days.',
    pageUrl: 'Which page or part does the feedback concern?',
    pageUrlHint: 'For example the address or the name of the page.',
    message: 'Feedback',
    messageHint: 'Tell us what did not work and, if you like, which device or assistive technology you used.',
    send: 'Send feedback',
    sent: 'Thank you for your feedback! If you gave your e-mail address, we will answer within 14 days.',
  },
};

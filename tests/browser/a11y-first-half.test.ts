import { accessibilitySuites } from './a11y-pages.ts';

/** Half of the pages (the other half: a11y-second-half.test.ts), in Finnish at 320 px and in Swedish and English (tests/browser/a11y-pages.ts). */
accessibilitySuites({ part: 0 });

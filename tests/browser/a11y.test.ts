import { accessibilitySuites } from './a11y-pages.ts';

/** Every page in Finnish and Swedish (the pages themselves: tests/browser/a11y-pages.ts). */
accessibilitySuites({ langs: ['fi', 'sv'], narrow: false });

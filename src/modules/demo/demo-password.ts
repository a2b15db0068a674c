/** Demo password shared by every demo account; printed in the start-up log and README. Change it in any real use. */
export const DEMO_PASSWORD = 'kumppanuus-demo';

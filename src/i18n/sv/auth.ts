import type { auth as fi } from '../fi/auth.ts';

export const auth: typeof fi = {
  email: 'E-postadress',
  password: 'Lösenord',
  signInWithOidc: 'Logga in med organisationens inloggning',
  or: 'eller',
};

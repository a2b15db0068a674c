import type { auth as fi } from '../fi/auth.ts';

export const auth: typeof fi = {
  email: 'E-mail address',
  password: 'Password',
  signInWithOidc: 'Sign in with your organisation account',
  or: 'or',
};

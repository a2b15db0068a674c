export const auth = {
  email: 'Sähköpostiosoite',
  password: 'Salasana',
  signInWithOidc: 'Kirjaudu organisaation tunnuksilla',
  or: 'tai',
};

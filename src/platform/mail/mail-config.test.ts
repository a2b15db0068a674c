import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { retryDelayMs } from './dispatcher.ts';
import { loadMailConfig } from './config.ts';

describe('mail settings', () => {
  it('without SMTP settings mail goes to DATA_DIR/mail.log from the default sender', () => {
    const c = loadConfig({ DATA_DIR: '/srv/kumppanuus', SESSION_SECRET: 'x'.repeat(32) });
    expect(c.mail).toEqual({ from: 'Kumppanuus <noreply@localhost>', smtp: undefined, logFile: path.join('/srv/kumppanuus', 'mail.log') });
  });

  it('SMTP_URL wins over SMTP_HOST; empty values count as not set', () => {
    expect(loadMailConfig({ SMTP_URL: 'smtps://u:p@mail.example.fi:465', SMTP_HOST: 'other', MAIL_FROM: 'Hyvaetu <noreply@hyvaetu.fi>' }, '/d')).toMatchObject({
      from: 'Hyvaetu <noreply@hyvaetu.fi>',
      smtp: { url: 'smtps://u:p@mail.example.fi:465' },
    });
    expect(loadMailConfig({ SMTP_URL: '', SMTP_HOST: 'mail.example.fi', MAIL_FROM: ' ' }, '/d')).toMatchObject({
      from: 'Kumppanuus <noreply@localhost>',
      smtp: { host: 'mail.example.fi', port: 587, secure: false },
    });
  });

  it('SMTP_HOST: port 587 with STARTTLS by default, implicit TLS on 465 or with SMTP_SECURE', () => {
    const smtp = (env: NodeJS.ProcessEnv) => loadMailConfig({ SMTP_HOST: 'mail.example.fi', ...env }, '/d').smtp;
    expect(smtp({ SMTP_USER: 'u', SMTP_PASSWORD: 'p' })).toEqual({ host: 'mail.example.fi', port: 587, secure: false, user: 'u', password: 'p' });
    expect(smtp({ SMTP_PORT: '465' })).toMatchObject({ port: 465, secure: true });
    expect(smtp({ SMTP_SECURE: 'true' })).toMatchObject({ port: 465, secure: true });
    expect(smtp({ SMTP_PORT: '2525', SMTP_SECURE: 'false' })).toMatchObject({ port: 2525, secure: false });
  });

  it('refuses settings that cannot work', () => {
    expect(() => loadMailConfig({ SMTP_URL: 'http://mail.example.fi' }, '/d')).toThrow(/smtp:\/\//);
    expect(() => loadMailConfig({ SMTP_HOST: 'h', SMTP_PORT: '70000' }, '/d')).toThrow();
    expect(() => loadMailConfig({ SMTP_HOST: 'h', SMTP_SECURE: 'yes' }, '/d')).toThrow();
  });
});

describe('retry delays', () => {
  it('start at 30 s, double, and stay at most an hour apart', () => {
    expect([1, 2, 3, 4, 7, 8, 30].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000]);
  });
});

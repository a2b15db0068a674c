import { DEMO_PASSWORD, seedDemo } from '#modules/demo/index.ts';
import { EXIT, withDatabase, type Command } from './command.ts';

/** `seed-demo`: reference data and the demo region with one account per role; does nothing the second time. */
export const seedDemoCommand: Command = {
  name: 'seed-demo',
  synopsis: '',
  options: {},
  positionals: 0,
  async exec(run) {
    const { io, t } = run;
    const result = await withDatabase(run, 'seed-demo', (ctx) => seedDemo(ctx));
    if (!result.created) {
      io.out(t.demoAlreadyThere);
      return EXIT.ok;
    }
    io.out(t.demoSeeded({ password: DEMO_PASSWORD }));
    for (const a of result.accounts) io.out(`  ${a.email} (${a.role}${a.partyCode ? ` @ ${a.partyCode}` : ''})`);
    return EXIT.ok;
  },
};

import { getPartyByCode } from '#modules/parties/index.ts';
import { createApiToken } from '#modules/tokens/index.ts';
import { isAppError } from '#platform/errors.ts';
import { CliFailure, EXIT, required, withDatabase, type Command } from './command.ts';

/** `create-token --party CODE --role ROLE --name NAME [--expires YYYY-MM-DD]`: prints the secret once. */
export const createTokenCommand: Command = {
  name: 'create-token',
  synopsis: '--party CODE --role ROLE --name NAME [--expires YYYY-MM-DD]',
  options: {
    party: { type: 'string', help: 'party', arg: 'CODE' },
    role: { type: 'string', help: 'role', arg: 'ROLE' },
    name: { type: 'string', help: 'tokenName', arg: 'NAME' },
    expires: { type: 'string', help: 'expires', arg: 'YYYY-MM-DD' },
  },
  positionals: 0,
  async exec(run) {
    const { io, t } = run;
    const code = required(run, 'party');
    const role = required(run, 'role');
    const name = required(run, 'name');
    const expires = run.values.expires as string | undefined;
    const { token, secret, party } = await withDatabase(run, 'create-token', async (ctx) => {
      const party = await getPartyByCode(ctx, code).catch((e: unknown) => {
        if (isAppError(e) && e.kind === 'not_found') throw new CliFailure((t) => t.unknownParty({ code }));
        throw e;
      });
      return { ...(await createApiToken(ctx, party.id, { name, role, expiresOn: expires ?? null })), party };
    });
    io.out(t.tokenCreated({ name: token.name, party: `${party.code} ${party.name[run.lang]}`, role: token.role, id: token.id }));
    if (expires) io.out(t.tokenExpires({ date: expires }));
    io.out(t.tokenShownOnce);
    io.out(secret);
    return EXIT.ok;
  },
};

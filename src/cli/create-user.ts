import { createUser } from '#modules/accounts/index.ts';
import { getPartyByCode } from '#modules/parties/index.ts';
import { PARTY_ROLES, type PartyRole } from '#platform/actor.ts';
import { isAppError } from '#platform/errors.ts';
import { CliFailure, EXIT, required, withDatabase, type Command } from './command.ts';

/**
 * `create-user --email E --name N [--title T] [--password-stdin | --password P] [--platform-admin]
 *  [--party CODE --role ROLE]…`. Without a password the account can sign in only through single sign-on.
 */
export const createUserCommand: Command = {
  name: 'create-user',
  synopsis: '--email E --name N [--title T] [--password-stdin | --password P] [--platform-admin] [--party CODE --role ROLE]…',
  options: {
    email: { type: 'string', help: 'email', arg: 'E' },
    name: { type: 'string', help: 'name', arg: 'N' },
    title: { type: 'string', help: 'title', arg: 'T' },
    'password-stdin': { type: 'boolean', help: 'passwordStdin' },
    password: { type: 'string', help: 'password', arg: 'P' },
    'platform-admin': { type: 'boolean', help: 'platformAdmin' },
    party: { type: 'string', multiple: true, help: 'party', arg: 'CODE' },
    role: { type: 'string', multiple: true, help: 'role', arg: 'ROLE' },
  },
  positionals: 0,
  async exec(run) {
    const { io, t, values } = run;
    const email = required(run, 'email');
    const displayName = required(run, 'name');
    const parties = (values.party as string[] | undefined) ?? [];
    const roles = (values.role as string[] | undefined) ?? [];
    if (parties.length !== roles.length) throw new CliFailure((t) => t.partyRolePairs, EXIT.usage);
    for (const r of roles) {
      if (!(PARTY_ROLES as readonly string[]).includes(r))
        throw new CliFailure((t) => t.badChoice({ option: '--role', value: r, allowed: PARTY_ROLES.join(', ') }), EXIT.usage);
    }
    if (values['password-stdin'] && values.password !== undefined) throw new CliFailure((t) => t.passwordTwice, EXIT.usage);
    let password: string | undefined;
    if (values['password-stdin']) password = (await io.readStdin()).split(/\r?\n/, 1)[0] ?? '';
    else if (typeof values.password === 'string') {
      io.err(t.passwordOnCommandLine);
      password = values.password;
    }

    const { user, memberships } = await withDatabase(run, 'create-user', async (ctx) => {
      const memberships: { partyId: string; role: PartyRole; label: string }[] = [];
      for (const [i, code] of parties.entries()) {
        const party = await getPartyByCode(ctx, code).catch((e: unknown) => {
          if (isAppError(e) && e.kind === 'not_found') throw new CliFailure((t) => t.unknownParty({ code }));
          throw e;
        });
        memberships.push({ partyId: party.id, role: roles[i] as PartyRole, label: `${party.code} ${party.name[run.lang]}` });
      }
      const user = await createUser(ctx, {
        email,
        displayName,
        title: values.title as string | undefined,
        password,
        isPlatformAdmin: values['platform-admin'] === true,
        memberships: memberships.map(({ partyId, role }) => ({ partyId, role })),
      });
      return { user, memberships };
    });
    io.out(t.userCreated({ email: user.email, id: user.id }));
    for (const m of memberships) io.out(t.membershipLine({ role: m.role, party: m.label }));
    return EXIT.ok;
  },
};

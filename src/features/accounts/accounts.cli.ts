import { type CliCommand, CliUsageError } from '../../cli/cli.types.ts';
import { CLI } from './accounts.access.ts';
import { ROLES, type Role } from './accounts.table.ts';

export const accountsCli: CliCommand[] = [
  {
    name: 'user create',
    usage:
      'user create EMAIL (--institution SLUG --role admin|editor|viewer | --platform-admin) [--name NAME]',
    summary: 'Create a user; the generated password is printed once',
    options: {
      institution: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      'platform-admin': { type: 'boolean' },
    },
    async run({ services, values, positionals, out }) {
      const email = positionals.join(' ').trim();
      if (!email) throw new CliUsageError('Give the e-mail address of the user');
      const platformAdmin = !!values['platform-admin'];
      const institution = values['institution'] as string | undefined;
      const role = values['role'] as string | undefined;
      if (!platformAdmin && (!institution || !role)) {
        throw new CliUsageError('Give --institution and --role, or --platform-admin');
      }
      if (role && !(ROLES as readonly string[]).includes(role)) {
        throw new CliUsageError(`--role must be one of ${ROLES.join(', ')}`);
      }
      const { user, password } = await services.accounts.createUser({
        email,
        ...(values['name'] ? { name: values['name'] as string } : {}),
        ...(institution ? { institution } : {}),
        ...(role ? { role: role as Role } : {}),
        platformAdmin,
        actor: 'cli',
      });
      const where = user.roles.map((r) => `${r.role} of ${r.institutionSlug}`).join(', ');
      out(`Created ${user.email}${platformAdmin ? ' (platform admin)' : ''}${where ? `, ${where}` : ''}.\n`);
      out(`Password (shown only now; it can be changed after signing in): ${password}\n`);
      return 0;
    },
  },
  {
    name: 'token create',
    usage: 'token create --institution SLUG --name NAME --scope read|write',
    summary: 'Issue an API token for an institution; it is printed once',
    options: { institution: { type: 'string' }, name: { type: 'string' }, scope: { type: 'string' } },
    async run({ services, values, out }) {
      const institution = values['institution'] as string | undefined;
      const name = values['name'] as string | undefined;
      const scope = values['scope'] as string | undefined;
      if (!institution || !name || (scope !== 'read' && scope !== 'write')) {
        throw new CliUsageError('Give --institution, --name and --scope read|write');
      }
      const { id, token } = await services.accounts.createApiToken({ institution, name, scope, actor: CLI });
      out(`Token ${id} (${scope}) for ${institution}. Send it as "Authorization: Bearer TOKEN".\n`);
      out(`Token (shown only now): ${token}\n`);
      return 0;
    },
  },
  {
    name: 'token revoke',
    usage: 'token revoke ID',
    summary: 'Revoke an API token at once',
    options: {},
    async run({ services, positionals, out }) {
      const id = positionals[0];
      if (!id) throw new CliUsageError('Give the id of the token');
      await services.accounts.revokeApiToken(id, CLI);
      out(`Token ${id} revoked.\n`);
      return 0;
    },
  },
];

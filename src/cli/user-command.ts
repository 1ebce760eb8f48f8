/**
 * `vob user ...`: staff accounts from the command line (the first admin is made here).
 *   add --email E --role biller|admin     password from stdin when it is not a terminal, else a prompt without echo
 *   disable --email E | enable --email E
 *   reset-password --email E              the new password read the same way; ends the account's sessions
 *   list
 *   token create --email E                prints the token once (needs the server's SESSION_SECRET)
 *   token revoke --id N | token list
 * Every change is written to the audit trail with the actor `cli`.
 */
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Config } from '../config';
import { createDbPool } from '../adapters/db/db-pool';
import { migrate } from '../adapters/db/migrate';
import { DEFAULT_LOCKOUT, ROLES, WeakPasswordError, type Role } from '../domain/staff-auth';
import { AccountError, CLI_ACTOR, staffAccounts, type StaffAccounts } from '../use-cases/staff-accounts';
import { EXIT_CONFIG, loadCommandConfig } from './command-config';

const USAGE = `usage: vob user add --email E --role biller|admin   (password on stdin, or prompted)
       vob user disable --email E | vob user enable --email E
       vob user reset-password --email E
       vob user list
       vob user token create --email E | vob user token revoke --id N | vob user token list`;

/** `--name value` and `--name=value` pairs; null when something else is there. */
export function parseFlags(args: readonly string[], allowed: readonly string[]): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(args[i]!);
    if (!match || !allowed.includes(match[1]!)) return null;
    const value = match[2] ?? args[++i];
    if (value === undefined) return null;
    out[match[1]!] = value;
  }
  return out;
}

/** The whole of a pipe or file, without its final line break. */
async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** A prompt on the terminal that does not echo what is typed. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    output._writeToOutput = (s: string) => {
      if (!asked) process.stderr.write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    asked = true;
  });
}

export async function readPassword(input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin): Promise<string> {
  if (!input.isTTY) return readAll(input);
  const first = await promptHidden('Password (12+ characters): ');
  const again = await promptHidden('Again: ');
  if (first !== again) throw new WeakPasswordError('the two passwords differ');
  return first;
}

type Run = (accounts: StaffAccounts, flags: Record<string, string>, config: Config, readSecret: () => Promise<string>) => Promise<string>;

const COMMANDS: Record<string, { flags: string[]; required: string[]; run: Run }> = {
  add: {
    flags: ['email', 'role'],
    required: ['email', 'role'],
    run: async (accounts, f, _config, readSecret) => {
      if (!(ROLES as readonly string[]).includes(f.role!)) throw new AccountError('bad-email', `role must be ${ROLES.join(' or ')}`);
      const user = await accounts.addUser({ email: f.email!, role: f.role as Role, password: await readSecret() }, CLI_ACTOR, null);
      return `added ${user.role} ${user.email} (user ${user.id})`;
    },
  },
  disable: { flags: ['email'], required: ['email'], run: async (a, f) => `disabled ${(await a.disableUser(f.email!, CLI_ACTOR, null)).email}` },
  enable: { flags: ['email'], required: ['email'], run: async (a, f) => `enabled ${(await a.enableUser(f.email!, CLI_ACTOR, null)).email}` },
  'reset-password': {
    flags: ['email'],
    required: ['email'],
    run: async (a, f, _config, readSecret) => `new password set for ${(await a.resetPassword(f.email!, await readSecret(), CLI_ACTOR, null)).email}; its sessions ended`,
  },
  list: {
    flags: [],
    required: [],
    run: async (a) =>
      (await a.listUsers()).map((u) => `${u.id}\t${u.email}\t${u.role}\t${u.disabled ? 'disabled' : 'enabled'}`).join('\n') || '(no accounts)',
  },
  'token create': {
    flags: ['email'],
    required: ['email'],
    run: async (a, f, config) => {
      if (!config.SESSION_SECRET) throw new AccountError('no-such-token', 'SESSION_SECRET must be set (the same as the server\'s) to create a token');
      const { token, row } = await a.createToken(f.email!, CLI_ACTOR, null);
      process.stderr.write(`token ${row.id} for ${f.email}; shown once, store it now:\n`);
      return token;
    },
  },
  'token revoke': { flags: ['id'], required: ['id'], run: async (a, f) => `revoked token ${(await a.revokeToken(f.id!, CLI_ACTOR, null)).id}` },
  'token list': {
    flags: [],
    required: [],
    run: async (a) =>
      (await a.listTokens()).map((t) => `${t.id}\tuser ${t.userId}\t${t.createdAt.toISOString()}\t${t.revokedAt ? 'revoked' : 'live'}`).join('\n') || '(no tokens)',
  },
};

export async function runUser(args: string[], { env = process.env, stdin = process.stdin }: { env?: NodeJS.ProcessEnv; stdin?: NodeJS.ReadableStream & { isTTY?: boolean } } = {}): Promise<number> {
  const name = args[0] === 'token' ? `token ${args[1] ?? ''}` : (args[0] ?? '');
  const command = COMMANDS[name];
  const flags = command ? parseFlags(args.slice(name.split(' ').length), command.flags) : null;
  if (!command || !flags || command.required.some((f) => flags[f] === undefined)) {
    process.stderr.write(`${USAGE}\n`);
    return 64;
  }
  const config = loadCommandConfig('user', env);
  if (!config) return EXIT_CONFIG;
  await migrate({ databaseUrl: config.DATABASE_URL });
  const db = createDbPool({ connectionString: config.DATABASE_URL, max: 2 });
  try {
    const accounts = staffAccounts({
      db,
      // Only `token create` needs the server's secret; the other commands hash nothing with it.
      serverSecret: config.SESSION_SECRET ?? randomBytes(32),
      timeouts: { idleMs: config.SESSION_IDLE_TIMEOUT_MS, absoluteMs: config.SESSION_ABSOLUTE_TIMEOUT_MS },
      lockout: DEFAULT_LOCKOUT,
    });
    process.stdout.write(`${await command.run(accounts, flags, config, () => readPassword(stdin))}\n`);
    return 0;
  } catch (err) {
    if (err instanceof AccountError || err instanceof WeakPasswordError) {
      process.stderr.write(`vob user: ${err.message}\n`);
      return 65;
    }
    throw err;
  } finally {
    await db.end();
  }
}

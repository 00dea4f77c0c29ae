import type { Command } from 'commander';
import { usageError } from '../model/index.ts';
import { ROLES, addUser, listUsers } from '../server/index.ts';
import { withStore } from '../store/index.ts';
import { dbOption, printJson } from './common.ts';

async function readSecret(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `takedown user add|list`: local users of `takedown serve` (run on the server's machine, so admin). */
export function registerUser(program: Command): void {
  const user = program.command('user').description('users of takedown serve');
  dbOption(
    user
      .command('add <username>')
      .description('add a user; the password is read from $TAKEDOWN_PASSWORD or stdin'),
  )
    .requiredOption('--role <role>', ROLES.join(' | '))
    .action(async (username: string, opts: { db: string; role: string }) => {
      const password =
        process.env['TAKEDOWN_PASSWORD'] ?? (process.stdin.isTTY ? '' : await readSecret());
      if (!password)
        throw usageError(
          'Give the password in $TAKEDOWN_PASSWORD or on stdin (at least 12 characters)',
        );
      const u = await withStore(opts.db, (store) =>
        addUser(store, { username, password, role: opts.role, createdBy: 'cli' }),
      );
      printJson(u);
    });
  dbOption(user.command('list').description('list users as JSON lines')).action(
    async (opts: { db: string }) => {
      for (const u of await withStore(opts.db, (store) => listUsers(store))) printJson(u);
    },
  );
}

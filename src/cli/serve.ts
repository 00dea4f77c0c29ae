import type { Command } from 'commander';
import { startServer } from '../server/index.ts';
import { dbOption, parsePositiveInt } from './common.ts';

/** `takedown serve`: the API and web app. */
export function registerServe(program: Command): void {
  dbOption(
    program
      .command('serve')
      .description('serve the investigation web app and its JSON API (log in with a local user)'),
  )
    .option('--port <n>', 'port to listen on', parsePositiveInt('--port'), 8080)
    .option(
      '--host <host>',
      'address to listen on (keep 127.0.0.1 unless behind a TLS proxy)',
      '127.0.0.1',
    )
    .action(async (opts: { db: string; port: number; host: string }) => {
      const server = await startServer({ dbPath: opts.db, port: opts.port, host: opts.host });
      if (server.admin) {
        process.stderr.write(
          `takedown: created the first admin. User: ${server.admin.username}  Password: ${server.admin.password}\n` +
            '(shown once; add users with `takedown user add`)\n',
        );
      }
      process.stdout.write(`takedown serving ${opts.db} at ${server.url}\n`);
      const stop = (): void => {
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise(() => undefined);
    });
}

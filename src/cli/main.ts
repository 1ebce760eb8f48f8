/** `vob <command>`: the one entry point; each command lives in its own file. */
import { runExport } from './export-command';
import { runExtract } from './extract-command';
import { runMigrate } from './migrate-command';
import { runServe } from './serve-command';

const USAGE = `usage: vob <command>
  extract MESSAGE.eml [--json]   read one raw message into the VOB record (no servers needed)
  serve                          run the service: migrations, mailbox poller, workers, HTTP (/health, /metrics, staff queue)
  migrate                        apply pending database migrations
  export --format jsonl          print every stored request, one JSON line each`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'extract':
      return runExtract(rest);
    case 'serve':
      return runServe(rest);
    case 'migrate':
      return runMigrate(rest);
    case 'export':
      return runExport(rest);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 64 : 0;
    default:
      process.stderr.write(`vob: unknown command "${command}"\n${USAGE}\n`);
      return 64;
  }
}

/**
 * `vob <command>`: the one entry point; each command lives in its own file and is loaded only
 * when asked for, so `vob extract` does not pay for the service's modules (pg, BullMQ,
 * fastify, imapflow: about 0.14 s of a cold start).
 */

const USAGE = `usage: vob <command>
  extract MESSAGE.eml [--json]   read one raw message into the VOB record (no servers needed)
  serve                          run the service: migrations, mailbox poller, workers, HTTP (/health, /metrics, staff queue)
  migrate                        apply pending database migrations
  export --format jsonl          print every stored request, one JSON line each
  doctor                         check the configuration, PostgreSQL, Redis, the mailbox (IMAP, SMTP, OAuth2), OCR data and secrets`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'extract':
      return (await import('./extract-command')).runExtract(rest);
    case 'serve':
      return (await import('./serve-command')).runServe(rest);
    case 'migrate':
      return (await import('./migrate-command')).runMigrate(rest);
    case 'export':
      return (await import('./export-command')).runExport(rest);
    case 'doctor':
      return (await import('./doctor-command')).runDoctor(rest);
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

/**
 * `vob <command>`: the one entry point; each command lives in its own file and is loaded only
 * when asked for, so `vob extract` does not pay for the service's modules (pg, BullMQ,
 * fastify, imapflow: about 0.14 s of a cold start).
 */

const USAGE = `usage: vob <command>
  extract MESSAGE.eml [--json]   read one raw message into the VOB record (no servers needed)
  serve [--dev]                  run the service: migrations, mailbox poller, workers, HTTP (/health, /metrics, staff pages);
                                 needs SESSION_SECRET and an enabled admin (--dev on loopback: neither)
  migrate                        apply pending database migrations
  export --format jsonl          print every stored request, one JSON line each (audited)
  export --format csv            print the verified requests, one CSV row each (audited)
  user add|disable|enable|reset-password|list|token ...   staff accounts and API tokens (vob user for details)
  audit export [--since T] [--format jsonl|csv]           the audit trail
  eligibility 270 MESSAGE.eml [--date YYYY-MM-DD]   the message's requests as an X12 270 (offline)
  eligibility read FILE.271 [--json]                 what an X12 271 says
  eligibility export --ready --out FILE.270          ready requests not sent yet, trace numbers stored
  eligibility import FILE.271                        answers stored as draft verifications, rejections as tasks
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
    case 'user':
      return (await import('./user-command')).runUser(rest);
    case 'audit':
      return (await import('./audit-command')).runAudit(rest);
    case 'eligibility':
      return (await import('./eligibility-command')).runEligibility(rest);
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

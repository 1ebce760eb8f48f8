/**
 * MAIL_AUTH=oauth2-token-command: any other identity provider. The command runs with /bin/sh
 * and prints an access token, or JSON {access_token, expires_in}; a non-zero exit is a refusal
 * whose reason is the first line of its stderr.
 */
import { execFile } from 'node:child_process';
import { parseTokenOutput } from '../../domain/mail-auth';
import { MailAuthError, safeReason, type FetchToken } from './token-provider';

export interface CommandTokenOptions {
  readonly command: string;
  readonly timeoutMs: number;
  readonly now?: () => number;
}

export function commandTokenFetcher({ command, timeoutMs, now = Date.now }: CommandTokenOptions): FetchToken {
  return (forceRefresh) =>
    new Promise((resolve, reject) => {
      execFile(
        '/bin/sh',
        ['-c', command],
        // The command may cache too: tell it when the last token was refused.
        { timeout: timeoutMs, maxBuffer: 64 * 1024, env: { ...process.env, VOB_TOKEN_FORCE_REFRESH: forceRefresh ? '1' : '0' } },
        (err, stdout, stderr) => {
          if (err) {
            const e = err as NodeJS.ErrnoException & { killed?: boolean; code?: number | string };
            const firstLine = String(stderr).split('\n').find((l) => l.trim() !== '') ?? '';
            const why = e.killed ? `timed out after ${timeoutMs} ms` : `exited ${String(e.code ?? 'with an error')}`;
            reject(new MailAuthError(e.killed ? 'token-unavailable' : 'token-refused', safeReason(`token command ${why}${firstLine ? `: ${firstLine}` : ''}`)));
            return;
          }
          const parsed = parseTokenOutput(String(stdout), now());
          if (parsed.ok) resolve(parsed.token);
          else reject(new MailAuthError('token-refused', `token command: ${parsed.reason}`));
        },
      );
    });
}

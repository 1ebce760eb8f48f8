/**
 * How an SMTP failure bears on "at most once": was the message certainly not accepted (retry is
 * safe), permanently refused, or possibly delivered (never retried)?
 */
export type SmtpOutcome = 'not-sent-retry' | 'refused' | 'unknown';

export class SmtpSendError extends Error {
  override readonly name = 'SmtpSendError';
  constructor(
    readonly outcome: SmtpOutcome,
    /** A short code safe to log and store: nodemailer's code and the SMTP reply code. */
    readonly code: string,
  ) {
    super(`SMTP ${outcome}: ${code}`);
  }
}

/** Classifies a nodemailer error. */
export function classifySmtpError(err: unknown): SmtpSendError {
  const e = err as { code?: unknown; responseCode?: unknown; command?: unknown };
  const code = typeof e?.code === 'string' ? e.code : 'ESMTP';
  const response = typeof e?.responseCode === 'number' ? e.responseCode : null;
  const label = response ? `${code}/${response}` : code;
  // A reply code means the server answered: 4xx refused for now, 5xx for good; either way not accepted.
  if (response !== null && response >= 500) return new SmtpSendError('refused', label);
  if (response !== null && response >= 400) return new SmtpSendError('not-sent-retry', label);
  // No connection, or it failed before any message data went out.
  if (code === 'ECONNECTION' || code === 'EDNS' || code === 'EAUTH' || e?.command === 'CONN') {
    return new SmtpSendError('not-sent-retry', label);
  }
  return new SmtpSendError('unknown', label);
}

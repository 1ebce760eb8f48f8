/**
 * The automatic reply to an incomplete request. Pure. It names only the missing items, in
 * the contract's "asked as" words, and never repeats the client's data: the only text taken
 * from the inbound message is its subject line, which the sender wrote themselves.
 */
import { REQUIRED_FIELDS, REQUIRED_FIELD_PROMPTS, type RequiredField } from '../../schemas/vob-record';

export interface ReplyInbound {
  messageId: string | null;
  references: readonly string[];
  subject: string | null;
  /** Bare sender address: the reply goes there. */
  from: string;
}

export interface ReplyMessage {
  to: string;
  subject: string;
  inReplyTo: string | null;
  references: string[];
  text: string;
  headers: Record<string, string>;
}

export function buildMissingFieldsReply(
  inbound: ReplyInbound,
  missingByRequest: readonly (readonly RequiredField[])[],
  signature: string,
): ReplyMessage {
  const references = [...inbound.references, ...(inbound.messageId ? [inbound.messageId] : [])];
  return {
    to: inbound.from,
    subject: replySubject(inbound.subject),
    inReplyTo: inbound.messageId,
    references: [...new Set(references)],
    text: replyBody(missingByRequest, signature),
    headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
  };
}

export function replySubject(subject: string | null): string {
  const base = (subject ?? '').replace(/\s+/g, ' ').trim();
  if (base === '') return 'Re: Verification of benefits request';
  return /^re\s*:/i.test(base) ? base : `Re: ${base}`;
}

function replyBody(missingByRequest: readonly (readonly RequiredField[])[], signature: string): string {
  const lines: string[] = ['Hello,', '', 'Thank you for your verification of benefits request.'];
  const several = missingByRequest.length > 1;
  missingByRequest.forEach((missing, index) => {
    if (missing.length === 0) return;
    lines.push('');
    lines.push(
      several
        ? `For the ${ordinal(index + 1)} client in your message, we still need:`
        : 'To verify benefits we still need:',
    );
    for (const field of orderByContract(missing)) lines.push(`  - ${REQUIRED_FIELD_PROMPTS[field]}${field === 'card' ? ' (front and back, if available)' : ''}`);
  });
  lines.push('', 'Please reply to this email with the missing items. A complete request looks like this:', '');
  for (const field of REQUIRED_FIELDS) {
    lines.push(field === 'card' ? `${REQUIRED_FIELD_PROMPTS[field]}: (attach photos of the front and back)` : `${REQUIRED_FIELD_PROMPTS[field]}:`);
  }
  lines.push('', signature);
  return `${lines.join('\n')}\n`;
}

function orderByContract(fields: readonly RequiredField[]): RequiredField[] {
  return REQUIRED_FIELDS.filter((f) => fields.includes(f));
}

function ordinal(n: number): string {
  const words = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
  return words[n - 1] ?? `#${n}`;
}

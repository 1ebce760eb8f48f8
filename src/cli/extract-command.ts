/** `vob extract MESSAGE.eml [--json]`: the whole pipeline in-process, no servers. */
import type { VobDocument, VobRequest } from '../../schemas/vob-record';
import { MessageRejectedError } from '../adapters/message-rejected-error';
import { createCardReader } from '../adapters/ocr/card-reader';
import { extractMessage } from '../pipeline/extract-message';
import { readCommandFile, runFileCommand } from './command-input';

export async function runExtract(args: string[]): Promise<number> {
  return runFileCommand(args, 'usage: vob extract MESSAGE.eml [--json]', (file) => extractMessageFile(file, 'extract'), formatSummary);
}

/**
 * One message file through the whole pipeline offline, or the exit code after a one-line
 * reason on stderr (66 unreadable file, 65 not a message).
 */
export async function extractMessageFile(file: string, command: string): Promise<VobDocument | number> {
  const raw = await readCommandFile(file, command);
  if (typeof raw === 'number') return raw;
  // The service's switch (src/config.ts), read here without the service's other settings.
  const cardReader = createCardReader({ textDetector: process.env.CARD_TEXT_DETECTOR !== 'off' });
  try {
    const { document } = await extractMessage(raw, {
      cardReader,
      // Offline, nothing is sent: no sender allow-list applies and no own address is known.
      replyPolicy: { ownAddresses: [], allowedSenderDomains: [] },
    });
    return document;
  } catch (err) {
    if (err instanceof MessageRejectedError) {
      process.stderr.write(`vob ${command}: ${file}: not a readable message: ${err.message}\n`);
      return 65;
    }
    throw err;
  } finally {
    await cardReader.close();
  }
}

/** A short, readable summary for a person at a terminal. */
export function formatSummary(doc: VobDocument): string {
  const lines = [
    `Message:  ${doc.messageId ?? '(no Message-ID)'}`,
    `From:     ${doc.from ?? '(unknown)'}`,
    `Subject:  ${doc.subject ?? '(none)'}`,
    `Requests: ${doc.requests.length}`,
  ];
  doc.requests.forEach((request, index) => {
    lines.push('', `Request ${index + 1}`, ...formatRequest(request).map((l) => `  ${l}`));
  });
  for (const error of doc.attachmentErrors) {
    lines.push('', `Attachment not read: ${error.filename ?? '(unnamed)'}: ${error.message} [${error.code}]`);
  }
  lines.push('', `Automatic reply: ${doc.reply.send ? 'yes' : 'no'} (${doc.reply.reason})`);
  return `${lines.join('\n')}\n`;
}

function formatRequest(r: VobRequest): string[] {
  const show = (v: string | null) => v ?? '-';
  const a = r.client.address;
  const address = a ? [a.line1, a.line2, [a.city, a.state, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ') : null;
  const lines = [
    `Client:        ${show(r.client.name)}`,
    `Date of birth: ${show(r.client.dob)}`,
    `Address:       ${show(address)}`,
    `Insurance:     ${show(r.insurance.payerName)}`,
    `Member ID:     ${show(r.insurance.memberId)}`,
    `Group:         ${show(r.insurance.groupNumber)}`,
    `Ins. phone:    ${show(r.insurance.phone)}`,
    `Subscriber:    ${show(r.subscriber.name)} (${show(r.subscriber.relationship)})`,
    `Referred by:   ${show(r.referredBy)}`,
    `Card:          ${r.card.attached ? r.card.sides.join(' + ') || 'attached' : 'not attached'}`,
    `Level of care: ${show(r.levelOfCare ?? null)}`,
  ];
  if (r.missingFields.length > 0) lines.push(`Missing:       ${r.missingFields.join(', ')}`);
  for (const c of r.conflicts) lines.push(`Conflict:      ${c.field}: body "${c.body}" vs card "${c.card}"`);
  return lines;
}

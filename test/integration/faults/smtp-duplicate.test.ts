/**
 * Fault: the same message delivered twice through the lab's Postfix (a sender's retry, a
 * mailing relay): two copies land in the mailbox with different trace headers and UIDs. Whether
 * the second copy arrives together with the first or after the first was fully handled, the
 * service stores one record and sends one reply; both copies are moved out of the INBOX.
 */
import nodemailer from 'nodemailer';
import { assertExactlyOnce, folderCounts, requestMessage, type SentRequest, useFaultWorld, waitUntil, waitUntilSettled } from '../helpers/fault-scenario';
import { startVob } from '../helpers/vob-process';

jest.setTimeout(90_000);

const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: 2525, secure: false, ignoreTLS: true });
const fault = useFaultWorld({ beforeStop: () => smtp.close() });

const deliver = (request: SentRequest, to: string) => smtp.sendMail({ envelope: { from: request.from, to: [to] }, raw: request.raw });

test('the same message delivered twice via SMTP is one record and one reply', async () => {
  const { world } = fault;
  const service = await startVob({ name: 'serve', env: world.env() });
  const together = requestMessage('smtpA');
  const later = requestMessage('smtpB');

  await deliver(together, world.user);
  await deliver(together, world.user);
  await deliver(later, world.user);
  await waitUntilSettled(world.pool, [together, later].map((r) => r.messageId), { timeoutMs: 30_000, describe: () => service.tail() });
  await waitUntil('the first reply to the late duplicate sent', async () => {
    const { rows } = await world.pool.query(
      "SELECT 1 FROM outbound_reply r JOIN inbound_message m ON m.id = r.inbound_message_id WHERE m.message_id = $1 AND r.status = 'sent'",
      [later.messageId],
    );
    return rows.length === 1;
  });

  // The copy that comes after the first was extracted and answered.
  await deliver(later, world.user);
  await waitUntil('all four deliveries moved out of the INBOX', async () => {
    const f = await folderCounts(world.user);
    return f.INBOX === 0 && f.Processed === 4 ? f : null;
  }, { timeoutMs: 30_000, describe: async () => `${JSON.stringify(await folderCounts(world.user))}\n${service.tail()}` });

  const report = await assertExactlyOnce(world, [together, later]);
  expect(service.exit()).toBeNull();
  process.stdout.write(`smtp-duplicate: 4 deliveries of 2 messages; ${JSON.stringify(report)}\n`);
});

/**
 * Fault: two `vob serve` processes at once on the same mailbox, database and queues (a rolling
 * deploy, or a second replica). One polls the mailbox (advisory lock), the other waits on
 * standby; both run workers on the shared queues. Then the polling one is stopped and the other
 * takes the mailbox over. Every message is stored and extracted once, with one reply each.
 */
import { appendToMailbox, assertExactlyOnce, folderCounts, requestMessage, type SentRequest, useFaultWorld, waitUntil, waitUntilSettled } from '../helpers/fault-scenario';
import { startVob, type VobProcess } from '../helpers/vob-process';

jest.setTimeout(120_000);

const fault = useFaultWorld();

const isActive = (p: VobProcess) => p.logs.some((l) => l.msg === 'active: mailbox lock acquired');

test('two instances on one mailbox: each message once, one reply each, and the standby takes over', async () => {
  const { world } = fault;
  const first: SentRequest[] = [];
  for (let i = 0; i < 14; i++) first.push(requestMessage(`twoA${i}`, i === 0 ? { card: 'aetna-back.jpg' } : {}));
  await appendToMailbox(world.user, first.map((r) => r.raw));

  const env = world.env();
  const [a, b] = await Promise.all([startVob({ name: 'a', env }), startVob({ name: 'b', env })]);
  await waitUntilSettled(world.pool, first.map((r) => r.messageId), { timeoutMs: 45_000, describe: () => `${a.tail(10)}\n${b.tail(10)}` });

  // Exactly one of them polls; the other is on standby.
  const active = [a, b].filter(isActive);
  expect(active).toHaveLength(1);
  const [poller, standby] = active[0] === a ? [a, b] : [b, a];
  expect(standby.logs.some((l) => l.msg === 'standby: another instance polls this mailbox')).toBe(true);

  // Mail while both run, then the polling instance goes away and more mail comes.
  const second: SentRequest[] = [];
  for (let i = 0; i < 4; i++) second.push(requestMessage(`twoB${i}`));
  await appendToMailbox(world.user, second.map((r) => r.raw));
  await waitUntilSettled(world.pool, second.map((r) => r.messageId), { timeoutMs: 30_000 });
  await poller.stop();
  expect(poller.exit()).toEqual({ code: 0, signal: null });
  const third: SentRequest[] = [];
  for (let i = 0; i < 4; i++) third.push(requestMessage(`twoC${i}`));
  await appendToMailbox(world.user, third.map((r) => r.raw));
  await waitUntil('the standby to take the mailbox over', async () => isActive(standby), { timeoutMs: 20_000, describe: () => standby.tail() });

  const all = [...first, ...second, ...third];
  await waitUntilSettled(world.pool, all.map((r) => r.messageId), { timeoutMs: 30_000, describe: () => standby.tail() });
  const report = await assertExactlyOnce(world, all);
  expect(await folderCounts(world.user)).toEqual({ INBOX: 0, Processed: all.length, 'Needs-Review': 0 });
  const extractedBy = (p: VobProcess) => p.logs.filter((l) => l.msg === 'message extracted').length;
  process.stdout.write(
    `two-instances: extracted by poller ${extractedBy(poller)}, by standby ${extractedBy(standby)}; ${JSON.stringify(report)}\n`,
  );
});

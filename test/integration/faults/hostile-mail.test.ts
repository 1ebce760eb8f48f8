/**
 * Fault: hostile mail among good requests — a MIME bomb nesting multiparts 60 deep, one with
 * 400 parts, a "card" that is an image bomb (a 60000×60000 PNG of 138 bytes) and a file that is
 * not a message at all. Each is set aside for staff (needs-review, a review-message task giving
 * the reason), never answered; the same process keeps running and handles every good request
 * exactly once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appendToMailbox, assertExactlyOnce, folderCounts, requestMessage, type SentRequest, useFaultWorld, waitUntil, waitUntilSettled } from '../helpers/fault-scenario';
import { ROOT, startVob } from '../helpers/vob-process';
import { INCOMPLETE_BODY, randomTag } from '../service/lab';

jest.setTimeout(90_000);

const fault = useFaultWorld();

const head = (id: string, extra = '') =>
  `From: <intake@c${randomTag()}.test>\r\nTo: verification@vob.test\r\nSubject: VOB request\r\nMessage-ID: ${id}\r\nMIME-Version: 1.0\r\n${extra}`;

function mimeBomb(id: string): Buffer {
  let raw = head(id);
  for (let i = 0; i < 60; i++) raw += `Content-Type: multipart/mixed; boundary="n${i}"\r\n\r\n--n${i}\r\n`;
  return Buffer.from(`${raw}Content-Type: text/plain\r\n\r\nx\r\n`);
}

function manyParts(id: string): Buffer {
  let raw = `${head(id)}Content-Type: multipart/mixed; boundary="p"\r\n\r\n`;
  for (let i = 0; i < 400; i++) raw += `--p\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`;
  return Buffer.from(`${raw}--p--\r\n`);
}

function imageBombCard(id: string): Buffer {
  const png = readFileSync(path.join(ROOT, 'fixtures/cards/image-bomb.png')).toString('base64');
  return Buffer.from(
    `${head(id)}Content-Type: multipart/mixed; boundary="c"\r\n\r\n--c\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n` +
      `${INCOMPLETE_BODY.replace(/\r?\n/g, '\r\n')}\r\n--c\r\nContent-Type: image/png; name="card.png"\r\n` +
      `Content-Disposition: attachment; filename="card.png"\r\nContent-Transfer-Encoding: base64\r\n\r\n${png}\r\n--c--\r\n`,
  );
}

test('hostile mail is set aside with a review task and its reason; the service keeps going', async () => {
  const { world } = fault;
  const good: SentRequest[] = [0, 1, 2, 3].map((i) => requestMessage(`ok${i}`));
  const hostile = [
    { code: 'mime-too-deep', messageId: `<bomb-${randomTag()}@x.test>`, raw: (id: string) => mimeBomb(id) },
    { code: 'too-many-parts', messageId: `<parts-${randomTag()}@x.test>`, raw: (id: string) => manyParts(id) },
    { code: 'image-too-large', messageId: `<pixels-${randomTag()}@x.test>`, raw: (id: string) => imageBombCard(id) },
  ];
  const notAMessage = Buffer.from(`client,dob,member id\r\nJane Q Doe,1990-01-02,W123456789\r\n${randomTag()}\r\n`);
  const mail = [good[0]!.raw, hostile[0]!.raw(hostile[0]!.messageId), good[1]!.raw, hostile[1]!.raw(hostile[1]!.messageId), notAMessage, good[2]!.raw, hostile[2]!.raw(hostile[2]!.messageId), good[3]!.raw];

  const service = await startVob({ name: 'serve', env: world.env() });
  await appendToMailbox(world.user, mail);
  await waitUntilSettled(world.pool, [...good.map((r) => r.messageId), ...hostile.map((h) => h.messageId)], {
    timeoutMs: 45_000,
    describe: () => service.tail(),
  });
  await waitUntil('the not-a-message file stored for review', async () => {
    const { rows } = await world.pool.query("SELECT 1 FROM inbound_message WHERE message_id IS NULL AND status = 'needs-review'");
    return rows.length === 1;
  });

  const { rows } = await world.pool.query<{ message_id: string | null; status: string; review_code: string; tasks: { kind: string; status: string; reason: string }[]; replies: number; requests: number }>(
    `SELECT m.message_id, m.status, m.review_code,
            (SELECT json_agg(json_build_object('kind', t.kind, 'status', t.status, 'reason', t.reason)) FROM staff_task t WHERE t.inbound_message_id = m.id) AS tasks,
            (SELECT count(*)::int FROM outbound_reply r WHERE r.inbound_message_id = m.id) AS replies,
            (SELECT count(*)::int FROM vob_request v WHERE v.inbound_message_id = m.id) AS requests
       FROM inbound_message m WHERE m.status = 'needs-review' ORDER BY m.id`,
  );
  const expected = [...hostile.map((h) => ({ messageId: h.messageId, code: h.code })), { messageId: null, code: 'not-a-message' }];
  expect(rows.map((r) => ({ messageId: r.message_id, code: r.review_code })).sort((x, y) => x.code.localeCompare(y.code))).toEqual(
    expected.sort((x, y) => x.code.localeCompare(y.code)),
  );
  for (const row of rows) {
    expect({ code: row.review_code, replies: row.replies, requests: row.requests }).toEqual({ code: row.review_code, replies: 0, requests: 0 });
    expect(row.tasks).toEqual([{ kind: 'review-message', status: 'open', reason: expect.stringContaining(`[${row.review_code}]`) }]);
  }

  // Still the same process, healthy, and every good request handled once.
  expect(service.exit()).toBeNull();
  expect((await fetch(`${service.url}/health`)).status).toBe(200);
  const report = await assertExactlyOnce(world, good, { otherRows: hostile.length + 1 });
  const folders = await folderCounts(world.user);
  expect(folders.INBOX).toBe(0);
  expect(folders.Processed + folders['Needs-Review']).toBe(mail.length);
  expect(folders['Needs-Review']).toBeGreaterThanOrEqual(1);
  process.stdout.write(`hostile-mail: set aside ${rows.map((r) => r.review_code).join(', ')}; folders ${JSON.stringify(folders)}; ${JSON.stringify(report)}\n`);
});

/**
 * A TCP relay in front of the lab's Postfix that, while armed, holds back the server's answer to
 * the end of a message's DATA (the "250 queued") for `holdMs`. Postfix has already accepted and
 * queued the mail at that point, so the service sits in the widest "sent but not yet known to be
 * sent" window there is: a crash then must never lead to a second copy. Bytes are relayed
 * unchanged; nothing about SMTP is simulated.
 */
import net from 'node:net';

export interface SmtpDelayProxy {
  readonly port: number;
  /** Hold each end-of-DATA answer for `ms` (0: relay at once). */
  setHold(ms: number): void;
  /** End-of-DATA answers held so far. */
  held(): number;
  close(): Promise<void>;
}

export async function startSmtpDelayProxy({ targetPort = 2525, holdMs = 0 }: { targetPort?: number; holdMs?: number } = {}): Promise<SmtpDelayProxy> {
  let hold = holdMs;
  let heldCount = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    let tail = '';
    let awaitingDataAnswer = false;
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.on('data', (chunk: Buffer) => {
      // The end of DATA is CRLF.CRLF (a body line starting with "." is dot-stuffed).
      const text = tail + chunk.toString('latin1');
      if (text.includes('\r\n.\r\n')) awaitingDataAnswer = true;
      tail = text.slice(-4);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (awaitingDataAnswer && hold > 0) {
        awaitingDataAnswer = false;
        heldCount += 1;
        upstream.pause();
        setTimeout(() => {
          if (!client.destroyed) client.write(chunk);
          upstream.resume();
        }, hold);
        return;
      }
      awaitingDataAnswer = false;
      client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    setHold: (ms) => {
      hold = ms;
    },
    held: () => heldCount,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

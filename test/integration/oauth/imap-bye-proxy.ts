/**
 * A TCP relay in front of the lab's Dovecot (plain IMAP, no STARTTLS, so the relay can speak)
 * that ends every open session the way Microsoft 365 does when an access token runs out: an
 * untagged `* BYE ...` with the server's reason, then the connection closes. Bytes are relayed
 * unchanged until then.
 */
import net from 'node:net';

export interface ImapByeProxy {
  readonly port: number;
  /** Send `* BYE <reason>` on every open session and close it; returns how many were ended. */
  byeAll(reason: string): number;
  close(): Promise<void>;
}

export async function startImapByeProxy(targetPort: number): Promise<ImapByeProxy> {
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    const pair = { client, upstream };
    pairs.add(pair);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    byeAll(reason) {
      let n = 0;
      for (const { client, upstream } of [...pairs]) {
        upstream.unpipe(client);
        upstream.destroy();
        client.end(`* BYE ${reason}\r\n`);
        n += 1;
      }
      return n;
    },
    close() {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

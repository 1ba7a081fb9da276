import { createServer, connect, type Socket } from "node:net";

/**
 * A TCP relay to `target` on a free port of 127.0.0.1, that a test can cut (every connection
 * through it ends and new ones are closed at once, as when the database or a pooler restarts and
 * stays away) and restore. Nothing of the protocol is read: what passes is what PostgreSQL says.
 */
export type TcpProxy = {
  port: number;
  /** `url` with the relay's host and port. */
  urlFor: (url: string) => string;
  cut: () => void;
  restore: () => void;
  close: () => Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let open = true;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    if (!open) return client.destroy();
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    client.pipe(upstream);
    upstream.pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("no port");
  return {
    port: address.port,
    urlFor: (url) => {
      const relayed = new URL(url);
      relayed.hostname = "127.0.0.1";
      relayed.port = String(address.port);
      return relayed.toString();
    },
    cut: () => {
      open = false;
      for (const socket of sockets) socket.destroy();
    },
    restore: () => {
      open = true;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

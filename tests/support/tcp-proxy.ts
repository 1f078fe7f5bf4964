// A TCP relay in front of a server, that a test can cut: `stop()` refuses new
// connections and drops the open ones (what an application sees when its
// database server stops), `start()` relays again on the same port.
import { type Server, type Socket, connect, createServer } from "node:net";
import { freePort } from "../../scripts/lib/free-port";

export type TcpProxy = { port: number; start: () => Promise<void>; stop: () => Promise<void> };

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const port = await freePort();
  const open = new Set<Socket>();
  let server: Server | null = null;
  const start = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        open.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          open.delete(client);
          open.delete(upstream);
        };
        client.on("error", drop).on("close", drop);
        upstream.on("error", drop).on("close", drop);
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => resolve());
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of open) socket.destroy();
      open.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });
  await start();
  return { port, start, stop };
}

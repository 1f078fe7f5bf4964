// HTTP written byte for byte on a connection of its own, for requests fetch
// will not send (no Content-Type at all, an absolute-form target, a body that
// stops halfway): `write` sends what it likes; the answer's status line is
// what comes back, or an error if none comes within 10 s.
import { type Socket, connect } from "node:net";

export function rawExchange(port: number, write: (socket: Socket) => void): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    socket.setTimeout(10_000, () => socket.destroy(new Error("no answer within 10 s")));
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (match) {
        resolve({ status: Number(match[1]) });
        socket.destroy();
      }
    });
    socket.on("error", reject);
    write(socket);
  });
}

// Connections a client opens and then starves, over real sockets to a real engine process: a
// body sent slower than the request timeout, and more idle connections than the engine takes.
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type EngineProcess, removeDataDir, startEngine } from "./test/engine-process";

let engine: EngineProcess;
let port: number;

async function startWith(env: Record<string, string>) {
  engine = await startEngine(env);
  port = Number(new URL(engine.url).port);
}
afterEach(async () => {
  await engine?.stop();
  removeDataDir(engine.dataDir);
});

function connect(): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Resolves with everything the server sent once it closes the socket; rejects after `ms`. */
function whenClosed(socket: net.Socket, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (received += chunk));
    socket.on("error", () => {});
    const timer = setTimeout(() => reject(new Error(`still open after ${ms} ms`)), ms);
    socket.once("close", () => {
      clearTimeout(timer);
      resolve(received);
    });
  });
}

async function health(): Promise<number> {
  // A new connection each time: a pooled one could be one the engine already closed.
  const response = await fetch(`${engine.api}/health`, { headers: { connection: "close" } });
  await response.text();
  return response.status;
}

describe("connection limits", () => {
  it("closes a connection whose body trickles in slower than the request timeout", async () => {
    await startWith({ ENGINE_REQUEST_TIMEOUT_SECONDS: "2" });
    const socket = await connect();
    const closed = whenClosed(socket, 20_000);
    socket.write(
      "POST /api/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
        "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
    );
    // One byte every 200 ms would take over three minutes to finish the declared body.
    let sent = 1;
    const trickle = setInterval(() => {
      if (!socket.destroyed) socket.write(" ", () => {});
      sent += 1;
    }, 200);
    try {
      const answer = await closed;
      expect(sent).toBeLessThan(1000);
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toContain("ENGINE_REQUEST_TIMEOUT_SECONDS");
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
    expect(await health()).toBe(200);
  });

  it("turns away connections beyond the cap, and serves again once they close", async () => {
    await startWith({ ENGINE_MAX_CONNECTIONS: "5" });
    const sockets = await Promise.all(Array.from({ length: 20 }, () => connect()));
    try {
      const closes = sockets.map((socket) => whenClosed(socket, 20_000));
      // The engine keeps the first five it accepted and closes the other fifteen as they arrive,
      // long before any timeout (the header timeout is 10 s here).
      const kept = await new Promise<net.Socket[]>((resolve, reject) => {
        let closed = 0;
        closes.forEach((close) =>
          close.then(() => {
            closed += 1;
            if (closed === 15) resolve(sockets.filter((socket) => !socket.destroyed));
          }, reject),
        );
      });
      expect(kept).toHaveLength(5);

      // Those it kept are served.
      const [first] = kept;
      const answer = closes[sockets.indexOf(first as net.Socket)] as Promise<string>;
      first?.end("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      expect(await answer).toMatch(/^HTTP\/1\.1 200 /);

      for (const socket of kept) socket.destroy();
      await Promise.all(closes);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
    // The engine may still be counting a socket the client has just closed: a few tries.
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
      status = await health().catch(() => 0);
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
  });
});

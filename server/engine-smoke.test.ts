// The engine as it ships, over real HTTP: `server/main.ts` in its own process, a real SQLite
// file in DATA_DIR, a real render. Only the whole path is checked here; the routes' behaviour
// is tested in process (engine-api.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clientFor,
  type EngineProcess,
  removeDataDir,
  shortScript,
  startEngine,
} from "./test/engine-process";

let engine: EngineProcess;

beforeAll(async () => {
  engine = await startEngine();
});
afterAll(async () => {
  await engine?.stop();
  if (engine) removeDataDir(engine.dataDir);
});

describe("a spawned engine", () => {
  it("exchanges a key, renders a short script and serves its video over HTTP", async () => {
    const client = clientFor(engine.api);
    const login = await client.login("smoke-key");
    expect(login.status).toBe(200);

    const created = await client.call("POST", "/simulation-jobs", { script: shortScript() });
    expect(created.status).toBe(200);
    expect(created.body.status).toBe("pending");
    const job = await client.waitFor(
      created.body.job_id as string,
      (s) => s === "completed" || s === "failed",
    );
    expect(job.status).toBe("completed");
    expect(job.streams[0]).toMatchObject({ status: "completed", frame_count: 25 });

    const url = job.streams[0].video_url as string;
    expect(url.startsWith(`${engine.url}/api/artifacts/`)).toBe(true);
    const video = await fetch(url);
    expect(video.status).toBe(200);
    expect(video.headers.get("content-type")).toBe("video/mp4");
    const bytes = Buffer.from(await video.arrayBuffer());
    expect(Number(video.headers.get("content-length"))).toBe(bytes.length);
    expect(bytes.subarray(4, 8).toString("ascii")).toBe("ftyp");
  });
});

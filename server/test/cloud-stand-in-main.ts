// Runs the cloud stand-in as a process, for Playwright's webServer: options come from the
// environment, and the one ready line on stdout says where both origins listen.
import { startCloudStandIn } from "./cloud-stand-in";

const env = process.env;
const number = (name: string): number | undefined => {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
};
const keys = env.STANDIN_KEYS?.split(",")
  .map((key) => key.trim())
  .filter(Boolean);

const standIn = await startCloudStandIn({
  host: env.STANDIN_HOST || "127.0.0.1",
  apiPort: number("STANDIN_API_PORT"),
  filesPort: number("STANDIN_FILES_PORT"),
  stageMs: number("STANDIN_STAGE_MS"),
  quotaJobs: number("STANDIN_QUOTA_JOBS"),
  keys: keys?.length ? keys : undefined,
});
console.log(`cloud stand-in ready: api ${standIn.api} files ${standIn.filesOrigin}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await standIn.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());

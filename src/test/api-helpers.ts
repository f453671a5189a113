// What the API client's tests share: waiting for a job to end, and catching an ApiError.
import { ApiError } from "../api/api-error";
import type { SimulateClient } from "../api/simulate-client";

/** The job once it has completed, failed or been cancelled; polls every 100 ms. */
export async function settle(client: SimulateClient, jobId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await client.getJob(jobId);
    if (["completed", "failed", "cancelled"].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} stuck in ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The ApiError a call fails with; anything else, or success, fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

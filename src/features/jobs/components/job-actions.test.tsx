// @vitest-environment jsdom
// Cancel on a rendering job, against the two kinds of server: the local engine, which stops the
// render, and a server shaped like Odyssey's cloud, which refuses with a 400 the toast puts in words.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { UseStore } from "idb-keyval";
import { Toaster } from "sonner";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import { type CloudStandIn, startCloudStandIn } from "../../../../server/test/cloud-stand-in";
import {
  clientFor,
  type EngineProcess,
  removeDataDir,
  shortScript,
  startEngine,
} from "../../../../server/test/engine-process";
import { createSimulateClient, type SimulateClient } from "../../../api/simulate-client";
import { createSubmissionStore } from "../../../lib/submissions/submission-store";
import { SubmissionsContext } from "../../../lib/submissions/use-submissions";
import { JobActions } from "./job-actions";

// Vitest runs without globals, so Testing Library cannot clean up by itself.
afterEach(cleanup);

/** Cancelling never reads what was submitted; jsdom has no IndexedDB to keep it in. */
const noIndexedDb: UseStore = () => Promise.reject(new Error("not used by cancelling"));

function setup(client: SimulateClient, job: { job_id: string; status: string }) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <SubmissionsContext value={createSubmissionStore(noIndexedDb)}>
        <Router hook={memoryLocation().hook}>
          <JobActions client={client} job={job} submission={null} />
        </Router>
      </SubmissionsContext>
      <Toaster theme="light" />
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

describe("Cancel on a rendering job", () => {
  let engine: EngineProcess;
  beforeAll(async () => {
    engine = await startEngine();
  });
  afterAll(async () => {
    await engine?.stop("SIGKILL");
    if (engine) removeDataDir(engine.dataDir);
  });

  it("is offered, and the local engine stops the render", async () => {
    const watcher = clientFor(engine.api);
    await watcher.login("studio-key");
    // Minutes of rendering: it is still processing when the button is pressed.
    const jobId = (
      await watcher.call("POST", "/simulation-jobs", { script: shortScript("long", 600_000) })
    ).body.job_id as string;
    await watcher.waitFor(jobId, (s) => s === "processing");

    const user = setup(createSimulateClient({ root: engine.api, apiKey: "studio-key" }), {
      job_id: jobId,
      status: "processing",
    });
    const cancel = screen.getByRole("button", { name: "Cancel" });
    // Offered: the kit leaves aria-disabled off a button that is not refused.
    expect(cancel).not.toHaveAttribute("aria-disabled", "true");
    expect(cancel).not.toHaveAccessibleDescription();
    await user.click(cancel);
    expect(await screen.findByText(`Cancelled job ${jobId.slice(0, 8)}`)).toBeInTheDocument();
    expect((await watcher.call("GET", `/simulation-jobs/${jobId}`)).body.status).toBe("cancelled");
  });

  it("shows the cloud's refusal in words", async () => {
    let clock = 0;
    const cloud: CloudStandIn = await startCloudStandIn({ stageMs: 1000, now: () => clock });
    try {
      const client = createSimulateClient({ root: cloud.api, apiKey: "ody_creator" });
      const { job_id: jobId } = await client.createJob({ script: shortScript("in the cloud") });
      clock = 2500;
      expect((await client.getJob(jobId)).status).toBe("processing");

      const user = setup(client, { job_id: jobId, status: "processing" });
      await user.click(screen.getByRole("button", { name: "Cancel" }));
      expect(await screen.findByText("Could not cancel")).toBeInTheDocument();
      expect(
        screen.getByText("The request failed (400): Cannot cancel job in processing state."),
      ).toBeInTheDocument();
    } finally {
      await cloud.close();
    }
  });

  it("is not offered on a finished job, and says why", () => {
    setup(createSimulateClient({ root: engine.api, apiKey: "studio-key" }), {
      job_id: "done",
      status: "completed",
    });
    const cancel = screen.getByRole("button", { name: "Cancel" });
    expect(cancel).toHaveAttribute("aria-disabled", "true");
    expect(cancel).toHaveAccessibleDescription("A completed job cannot be cancelled.");
  });
});

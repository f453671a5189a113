// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderingJob, secondsAfterStart } from "../testing/rendering-job";
import { JobProgressDetail, JobProgressSummary } from "./job-progress";

afterEach(cleanup);

const at = secondsAfterStart;
const job = renderingJob;

describe("job progress", () => {
  it("shows streams done of total, the job's and each stream's percentage, and the time left", () => {
    render(
      <JobProgressDetail
        job={job({ progress: { streams_done: 1, streams_total: 2, percent: 60 } })}
        now={at(6)}
      />,
    );
    expect(screen.getByText("1 of 2 streams · 60 % · a few seconds left")).toBeInTheDocument();
    expect(screen.getByRole("progressbar", { name: "Job render progress" })).toHaveAttribute(
      "aria-valuenow",
      "60",
    );
    expect(screen.getByRole("progressbar", { name: "Stream 2 render progress" })).toHaveAttribute(
      "aria-valuenow",
      "20",
    );
  });

  it("shows nothing for a server that reports no progress: unknown is not 0 %", () => {
    const { container } = render(
      <>
        <JobProgressDetail job={job({ streams: [{ stream_id: "a" }] })} now={at(6)} />
        <JobProgressSummary status="processing" progress={null} />
      </>,
    );
    expect(container).toBeEmptyDOMElement();
  });

  it("shows nothing once the job has stopped rendering", () => {
    const progress = { streams_done: 2, streams_total: 2, percent: 100 };
    const { container } = render(
      <>
        <JobProgressDetail job={job({ status: "completed", progress })} now={at(6)} />
        <JobProgressSummary status="completed" progress={progress} />
      </>,
    );
    expect(container).toBeEmptyDOMElement();
  });
});

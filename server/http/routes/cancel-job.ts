import { CANCELLABLE_JOB_STATUSES, isCancellableStatus } from "../../../src/contract/job-status";
import { ownedJobOr404, type RouteHandler } from "../context";
import { HttpError } from "../errors";

export const cancelJob: RouteHandler<"cancelJob"> = async (args) => {
  const { ctx } = args;
  const job = ownedJobOr404(args);
  const moved = ctx.store.moveJob(job.id, "cancelled", { from: CANCELLABLE_JOB_STATUSES });
  if (!moved.ok) {
    const status = moved.current?.status ?? job.status;
    throw new HttpError(
      400,
      isCancellableStatus(status)
        ? "The job changed state while being cancelled; try again"
        : `Cannot cancel a job that is ${status}: only pending, dispatched and processing jobs can be cancelled`,
    );
  }
  // Answers once the render has stopped and its unfinished files are gone.
  await ctx.runner.cancel(job.id);
  return { job_id: job.id, status: "cancelled" };
};

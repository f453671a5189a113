import { isCancellableStatus } from "../../../src/contract/jobs";
import { ownedJobOr404, type RouteHandler } from "../context";
import { HttpError } from "../errors";

export const cancelJob: RouteHandler<"cancelJob"> = async (args) => {
  const { ctx } = args;
  const job = ownedJobOr404(args);
  const moved = ctx.store.moveJob(job.id, "cancelled", { from: ["pending", "dispatched"] });
  if (!moved.ok) {
    const status = moved.current?.status ?? job.status;
    throw new HttpError(
      400,
      isCancellableStatus(status)
        ? "The job changed state while being cancelled; try again"
        : `Cannot cancel a job that is ${status}: only pending and dispatched jobs can be cancelled`,
    );
  }
  ctx.runner.abort(job.id);
  return { job_id: job.id, status: "cancelled" };
};

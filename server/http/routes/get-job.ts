import { ownedJobOr404, type RouteHandler } from "../context";
import { toWireJob } from "../wire";

export const getJob: RouteHandler<"getJob"> = async (args) => {
  const job = ownedJobOr404(args);
  return toWireJob(args.ctx, args.request, job, args.ctx.store.streamsOf(job.id));
};

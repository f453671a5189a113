import { defineHandler, ownedJobOr404 } from "../context";
import { toWireJob } from "../wire";

export const getJob = defineHandler({
  auth: true,
  async handle(args) {
    const job = ownedJobOr404(args);
    return toWireJob(args.ctx, args.request, job, args.ctx.store.streamsOf(job.id));
  },
});

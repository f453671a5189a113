import { defineHandler, principalOf } from "../context";
import { notFound } from "../errors";
import { toWireJob } from "../wire";

export const getJob = defineHandler({
  auth: true,
  async handle(args) {
    const { ctx, request } = args;
    const { job_id } = request.params as { job_id: string };
    const job = ctx.store.getOwnedJob(job_id, principalOf(args).tenant);
    if (!job) throw notFound("Simulation job");
    return toWireJob(ctx, request, job, ctx.store.streamsOf(job.id));
  },
});

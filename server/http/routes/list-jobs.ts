import { principalOf, type RouteHandler } from "../context";
import { toWireSummary } from "../wire";

export const listJobs: RouteHandler<"listJobs"> = async (args) => {
  const { status, active, limit, offset } = args.query;
  const page = args.ctx.store.listJobs(principalOf(args).tenant, {
    ...(status && { status }),
    ...(active && { active }),
    limit,
    offset,
  });
  const progress = args.ctx.store.progressOfJobs(page.jobs.map((job) => job.id));
  return {
    jobs: page.jobs.map((job) => toWireSummary(job, progress.get(job.id))),
    total: page.total,
    limit,
    offset,
  };
};

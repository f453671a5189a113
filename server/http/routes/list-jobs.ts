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
  return { jobs: page.jobs.map(toWireSummary), total: page.total, limit, offset };
};

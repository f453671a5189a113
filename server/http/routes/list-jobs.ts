import { jobListQuerySchema } from "../../../src/contract/jobs";
import { defineHandler, principalOf } from "../context";
import { HttpError, zodIssuesToDetail } from "../errors";
import { toWireSummary } from "../wire";

export const listJobs = defineHandler({
  auth: true,
  async handle(args) {
    const query = jobListQuerySchema.safeParse(args.request.query);
    if (!query.success) throw new HttpError(422, zodIssuesToDetail(query.error.issues, ["query"]));
    const { status, active, limit, offset } = query.data;
    const page = args.ctx.store.listJobs(principalOf(args).tenant, {
      ...(status && { status }),
      ...(active && { active }),
      limit,
      offset,
    });
    return { jobs: page.jobs.map(toWireSummary), total: page.total, limit, offset };
  },
});

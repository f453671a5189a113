import { pageQuerySchema } from "../../../src/contract/jobs";
import { defineHandler, principalOf } from "../context";
import { HttpError, zodIssuesToDetail } from "../errors";
import { toWireStreamRecording } from "../wire";

export const listStreamRecordings = defineHandler({
  auth: true,
  async handle(args) {
    const query = pageQuerySchema.safeParse(args.request.query);
    if (!query.success) throw new HttpError(422, zodIssuesToDetail(query.error.issues, ["query"]));
    const { limit, offset } = query.data;
    const page = args.ctx.store.listRecordings(principalOf(args).tenant, { limit, offset });
    return {
      recordings: page.recordings.map(toWireStreamRecording),
      total: page.total,
      limit,
      offset,
    };
  },
});

import { principalOf, type RouteHandler } from "../context";
import { toWireStreamRecording } from "../wire";

export const listStreamRecordings: RouteHandler<"listStreamRecordings"> = async (args) => {
  const { limit, offset } = args.query;
  const page = args.ctx.store.listRecordings(principalOf(args).tenant, { limit, offset });
  return {
    recordings: page.recordings.map(toWireStreamRecording),
    total: page.total,
    limit,
    offset,
  };
};

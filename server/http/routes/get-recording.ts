import { principalOf, type RouteHandler } from "../context";
import { notFound } from "../errors";
import { toWireRecording } from "../wire";

export const getRecording: RouteHandler<"getRecording"> = async (args) => {
  const { ctx, request, params } = args;
  const stream = ctx.store.getOwnedStream(params.stream_id, principalOf(args).tenant);
  // A stream still rendering has no recording yet; the job's status says where it is.
  if (!stream || stream.status !== "completed") throw notFound("Recording");
  return toWireRecording(ctx, request, stream);
};

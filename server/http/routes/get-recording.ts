import { defineHandler, principalOf } from "../context";
import { notFound } from "../errors";
import { toWireRecording } from "../wire";

export const getRecording = defineHandler({
  auth: true,
  async handle(args) {
    const { ctx, request } = args;
    const { stream_id } = request.params as { stream_id: string };
    const stream = ctx.store.getOwnedStream(stream_id, principalOf(args).tenant);
    // A stream still rendering has no recording yet; the job's status says where it is.
    if (!stream || stream.status !== "completed") throw notFound("Recording");
    return toWireRecording(ctx, request, stream);
  },
});

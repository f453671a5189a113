import { tokenRequestSchema } from "../../../src/contract/jobs";
import { defineHandler } from "../context";
import { HttpError, zodIssuesToDetail } from "../errors";

export const authToken = defineHandler({
  auth: false,
  async handle({ ctx, request }) {
    const body = tokenRequestSchema.safeParse(request.body);
    if (!body.success) throw new HttpError(422, zodIssuesToDetail(body.error.issues, ["body"]));
    if (!ctx.tokens.isAcceptedKey(body.data.api_key)) {
      throw new HttpError(401, "Invalid API key", { "WWW-Authenticate": "Bearer" });
    }
    const token = ctx.tokens.issue(body.data.api_key);
    return { access_token: token.accessToken, expires_in: token.expiresIn };
  },
});

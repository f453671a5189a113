import type { RouteHandler } from "../context";
import { HttpError } from "../errors";

export const authToken: RouteHandler<"exchangeToken"> = async ({ ctx, body }) => {
  if (!ctx.tokens.isAcceptedKey(body.api_key)) {
    throw new HttpError(401, "Invalid API key", { "WWW-Authenticate": "Bearer" });
  }
  const token = ctx.tokens.issue(body.api_key);
  return { access_token: token.accessToken, token_type: "bearer", expires_in: token.expiresIn };
};

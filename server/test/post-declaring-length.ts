// An oversized request body, declared but never sent, for tests of body limits.
import http from "node:http";
import type { WireBody } from "./engine-process";

/**
 * POSTs a JSON body of `length` bytes by its headers alone and reads the answer. The engine
 * must refuse an oversized body on its Content-Length, before reading it; sending the bytes
 * too made this flaky, because the engine answers and closes while the client is still
 * writing, and the reset that follows can discard the answer unread (EPIPE / ECONNRESET).
 * The body is never sent: the request is dropped once the answer is in.
 */
export function postDeclaringLength(
  url: string,
  token: string,
  length: number,
): Promise<{ status: number; body: WireBody }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = http.request(url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "content-length": String(length),
      },
    });
    request.on("response", (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => {
        answered = true;
        request.destroy();
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as WireBody });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      response.on("error", reject);
    });
    // Closing the socket once the answer is read is expected; failing before it is not.
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    request.flushHeaders();
  });
}

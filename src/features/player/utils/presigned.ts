// What a presigned URL says about itself: whose it is, when it stops working, and how to ask
// the local engine for it as a download without touching the part the signature covers.

export function isSameOrigin(url: string, pageOrigin: string): boolean {
  try {
    return new URL(url, pageOrigin).origin === pageOrigin;
  } catch {
    return false;
  }
}

/**
 * The URL with `download=1` added to its query. Appended as text rather than through
 * URLSearchParams, which re-encodes the parameters already there, and a signature is over
 * exact bytes on some servers.
 */
export function withDownloadParam(url: string): string {
  const hashAt = url.indexOf("#");
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? "" : url.slice(hashAt);
  const separator = !base.includes("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
  return `${base}${separator}download=1${hash}`;
}

/**
 * When the URL stops working, in ms since the epoch, if it says: the local engine's and
 * CloudFront's `expires` (seconds), or S3's `X-Amz-Date` plus `X-Amz-Expires`.
 */
export function expiresAt(url: string): number | null {
  let params: URLSearchParams;
  try {
    params = new URL(url, "http://x.invalid").searchParams;
  } catch {
    return null;
  }
  const get = (name: string) => {
    for (const [key, value] of params) if (key.toLowerCase() === name) return value;
    return null;
  };
  const expires = get("expires");
  if (expires !== null && /^\d{1,12}$/.test(expires)) return Number(expires) * 1000;

  const amzDate = get("x-amz-date");
  const amzExpires = get("x-amz-expires");
  const date = amzDate && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (date && amzExpires && /^\d{1,9}$/.test(amzExpires)) {
    const [, y, mo, d, h, mi, s] = date.map(Number) as number[];
    return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) + Number(amzExpires) * 1000;
  }
  return null;
}

/** Renew a link this close to its expiry before handing it to someone or starting a download. */
export const RENEW_WITHIN_MS = 5 * 60_000;

export function isExpiring(url: string, now: number): boolean {
  const at = expiresAt(url);
  return at !== null && at - now < RENEW_WITHIN_MS;
}

/** "in 59 minutes", "in about an hour": how long a copied link keeps working. */
export function expiryPhrase(url: string, now: number): string {
  const at = expiresAt(url);
  if (at === null) return "in about an hour";
  const minutes = Math.round((at - now) / 60_000);
  if (minutes >= 90) return `in ${Math.round(minutes / 60)} hours`;
  // A link signed for an hour reads as an hour, not as "59 minutes", for most of its first minutes.
  if (minutes >= 50) return "in about an hour";
  if (minutes >= 2) return `in ${minutes} minutes`;
  return "in about a minute";
}

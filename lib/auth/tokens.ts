import { createHash, randomBytes } from "node:crypto";

// Links carry a random token; the database keeps only its sha256, so a leaked table row
// cannot be turned into a working link.

export const newToken = () => randomBytes(32).toString("base64url");

export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** Tokens are 43 base64url characters; anything else is rejected before a lookup. */
export const isTokenShaped = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

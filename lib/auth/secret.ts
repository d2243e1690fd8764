import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// Session tokens are signed with NEXTAUTH_SECRET (or AUTH_SECRET). A fresh machine has
// neither, so the first start writes a random one under .data/ (git-ignored) and keeps it:
// sessions survive restarts. Production sets the variable, the same on every node.

const FILE = path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "auth-secret");

let secret: string | undefined;

export function authSecret(): string {
  secret ??= process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET ?? fileSecret();
  return secret;
}

function fileSecret(): string {
  try {
    return readFileSync(FILE, "utf8").trim();
  } catch {
    const created = randomBytes(32).toString("base64url");
    mkdirSync(path.dirname(FILE), { recursive: true });
    try {
      writeFileSync(FILE, created, { flag: "wx", mode: 0o600 });
      return created;
    } catch {
      return readFileSync(FILE, "utf8").trim(); // another process wrote it first
    }
  }
}

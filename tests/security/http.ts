import http from "node:http";
import { Pool } from "pg";
import { readServerState } from "../e2e/server-state";

// HTTP to the app under test, as a visitor of one site, and the app's database.

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

export const port = () => readServerState().port;
/** The Host a site is reached at: an association's subdomain, or the platform (null). */
export const hostOf = (slug: string | null) => `${slug ? `${slug}.` : ""}localhost:${port()}`;

let visitor = 0;
/** A fresh address per request, so that rate limits (per client address) see distinct visitors. */
export const nextVisitor = () => `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor++ & 255}`;

export type SendOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  cookie?: string;
  /** The client address (X-Forwarded-For); a fresh one when omitted. */
  ip?: string;
};

export function send(slug: string | null, path: string, options: SendOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { host: hostOf(slug), "x-forwarded-for": options.ip ?? nextVisitor(), ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.body !== undefined) headers["content-length"] = String(Buffer.byteLength(options.body));
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: port(), path, method: options.method ?? "GET", headers, timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("timeout", () => req.destroy(new Error(`timeout: ${options.method ?? "GET"} ${path}`)));
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** name=value pairs of a reply's Set-Cookie headers. */
export function cookiesOf(reply: Reply): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of reply.headers["set-cookie"] ?? []) {
    const [pair] = line.split(";");
    const at = pair.indexOf("=");
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

const cookieHeader = (cookies: Record<string, string>) =>
  Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");

/** Signs in through next-auth's credentials endpoint as a browser would; the session cookie, or
 * null when refused. */
export async function signIn(slug: string | null, email: string, password: string, ip?: string): Promise<{ cookie: string | null; reply: Reply }> {
  const csrf = await send(slug, "/api/auth/csrf", { ip });
  const csrfCookies = cookiesOf(csrf);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const reply = await send(slug, "/api/auth/callback/credentials", {
    method: "POST",
    ip,
    cookie: cookieHeader(csrfCookies),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const session = Object.entries(cookiesOf(reply)).find(([name]) => name.endsWith("next-auth.session-token"));
  return { cookie: session ? `${session[0]}=${session[1]}` : null, reply };
}

export type ActionEntry = {
  id: string;
  /** lib/…/actions.ts#exportName */
  name: string;
  /** A visitor's path of a page that carries the action (dynamic segments filled with "x"). */
  path: string;
  /** On an association's site (else the platform's). */
  tenant: boolean;
};

/** Every server action of the build, from Next.js's manifest: what the app directory uses. */
export function serverActions(): ActionEntry[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const manifest = require("../../.next/server/server-reference-manifest.json") as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const workers = Object.keys(entry.workers);
    const page = workers.find((w) => w.startsWith("app/[locale]/t/[tenant]/")) ?? workers[0];
    const tenant = page.startsWith("app/[locale]/t/[tenant]/");
    const path =
      page
        .replace(/^app\/\[locale\](\/t\/\[tenant\])?/, "")
        .replace(/\/\([^)]+\)/g, "")
        .replace(/\/page$/, "")
        .replace(/\[[^\]]+\]/g, "x") || "/";
    return { id, name: `${entry.filename}#${entry.exportedName}`, path, tenant };
  });
}

/** Calls a form's server action as React does with JavaScript on: (previous state, FormData).
 * The reply is React's flight stream; its last row holds the returned state. */
export function callFormAction(
  slug: string | null,
  action: Pick<ActionEntry, "id" | "path">,
  fields: Record<string, string | string[]>,
  options: { cookie?: string; locale?: "ar" | "en"; ip?: string } = {},
) {
  const boundary = `----security${Math.random().toString(16).slice(2)}`;
  const parts: string[] = [];
  const add = (name: string, value: string) => parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) add(`_1_${name}`, v);
  add("0", JSON.stringify([{}, "$K1"]));
  const actionId = action.id;
  return send(slug, options.locale === "en" ? `/en${action.path === "/" ? "" : action.path}` : action.path, {
    method: "POST",
    cookie: options.cookie,
    ip: options.ip,
    headers: { "next-action": actionId, accept: "text/x-component", "content-type": `multipart/form-data; boundary=${boundary}` },
    body: parts.join("") + `--${boundary}--\r\n`,
  });
}

/** Calls a server action that takes one value (the policy editor's autosave). */
export function callDataAction(slug: string | null, action: Pick<ActionEntry, "id" | "path">, input: unknown, options: { cookie?: string; ip?: string } = {}) {
  return send(slug, action.path, {
    method: "POST",
    cookie: options.cookie,
    ip: options.ip,
    headers: { "next-action": action.id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
    body: JSON.stringify([input]),
  });
}

/** The state an action returned, read from its flight reply (null when there is none). */
export function actionState(reply: Reply): Record<string, unknown> | null {
  const rows = reply.body.split("\n").filter(Boolean);
  for (const row of rows.reverse()) {
    const json = row.slice(row.indexOf(":") + 1);
    if (!json.startsWith("{")) continue;
    try {
      const value = JSON.parse(json) as Record<string, unknown>;
      if ("a" in value || "ok" in value || "error" in value || "fieldErrors" in value) return (value.a as Record<string, unknown>) ?? value;
    } catch {
      // not a JSON row
    }
  }
  return null;
}

let pool: Pool | null = null;
/** The app's database (the security run is always on PostgreSQL). */
export function db(): Pool {
  if (!pool) {
    pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    // An idle connection dropped by a server restart must not crash the test process.
    pool.on("error", () => undefined);
  }
  return pool;
}
export async function closeDb() {
  await pool?.end();
  pool = null;
}

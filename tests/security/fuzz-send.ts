import { BAD_BYTES, type Fields, type Payload } from "./fuzz-payloads";
import { actionState, cookiesOf, hostOf, send, type Reply } from "./http";

// Sending the fuzz run's payloads as a browser would: a form's server action with JavaScript
// (multipart, React's argument encoding), the same form without JavaScript (a plain multipart
// post with the page's hidden $ACTION_ fields), and next-auth's credentials endpoint.

/** Invalid UTF-8 sequences put where a payload holds BAD_BYTES. */
const INVALID_UTF8 = [Buffer.from([0xff, 0xfe]), Buffer.from([0xc3, 0x28]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80])];

/** A string with BAD_BYTES spliced in as invalid UTF-8. */
function bytes(text: string): Buffer {
  const parts = text.split(BAD_BYTES);
  return Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [Buffer.from(part)] : [INVALID_UTF8[i % INVALID_UTF8.length], Buffer.from(part)])));
}

export function multipart(fields: Fields, boundary: string): Buffer {
  const body = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
  return bytes(body);
}

/** A form page's hidden $ACTION_ fields (what a browser without JavaScript posts back). */
export function hiddenActionFields(html: string): Fields {
  return [...html.matchAll(/<input type="hidden" name="(\$ACTION_[^"]+)"(?: value="([^"]*)")?/g)].map(([, name, value]) => [
    name,
    (value ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
  ]);
}

export type Target = { slug: string; path: string; actionId: string };

/** A browser sends its page's origin with a form post. */
const originOf = (slug: string) => `http://${hostOf(slug)}`;

/** With JavaScript: the action's arguments (previous state, FormData), or the payload's own row. */
export function postAction(target: Target, payload: Payload): Promise<Reply> {
  const boundary = `----fuzz${payload.n}`;
  const fields: Fields = [...payload.fields.map(([name, value]): [string, string] => [`_1_${name}`, value]), ["0", payload.argumentRow ?? JSON.stringify([{}, "$K1"])]];
  return send(target.slug, target.path, {
    method: "POST",
    headers: { origin: originOf(target.slug), "next-action": target.actionId, accept: "text/x-component", "content-type": `multipart/form-data; boundary=${boundary}` },
    body: multipart(fields, boundary),
  });
}

/** Without JavaScript: the page's hidden fields, then the form's. */
export function postHtmlForm(target: Target, hidden: Fields, payload: Payload): Promise<Reply> {
  const boundary = `----fuzz${payload.n}`;
  return send(target.slug, target.path, {
    method: "POST",
    headers: { origin: originOf(target.slug), "content-type": `multipart/form-data; boundary=${boundary}` },
    body: multipart([...hidden, ...payload.fields], boundary),
  });
}

export type Csrf = { token: string; cookie: string };

export async function csrfOf(slug: string): Promise<Csrf> {
  const reply = await send(slug, "/api/auth/csrf");
  const cookie = Object.entries(cookiesOf(reply))
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
  return { token: (JSON.parse(reply.body) as { csrfToken: string }).csrfToken, cookie };
}

/** next-auth's credentials endpoint, URL-encoded; invalid UTF-8 as bad percent escapes. One
 * payload in ten goes without the CSRF token, one in ten with a wrong one. */
export function postSignIn(slug: string, csrf: Csrf, payload: Payload): Promise<Reply> {
  const token = payload.n % 10 === 0 ? null : payload.n % 10 === 1 ? "forged" : csrf.token;
  const fields: Fields = token ? [["csrfToken", token], ...payload.fields] : payload.fields;
  const body = fields.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value).replace(/%EF%BF%BF/g, "%FF%FE")}`).join("&");
  return send(slug, "/api/auth/callback/credentials", {
    method: "POST",
    cookie: csrf.cookie,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
  });
}

/** The state a JS action post returned, or null. */
export const stateOf = (reply: Reply) => (String(reply.headers["content-type"]).startsWith("text/x-component") ? actionState(reply) : null);

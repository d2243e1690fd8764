import path from "node:path";
import { z } from "zod";
import { withCheckDigit } from "@/lib/requests/identity";
import { actionState, callDataAction, callFormAction, closeDb, send, serverActions, signIn, type Reply } from "./http";
import { addDataRequest, addUniqueObjects, canariesOf, fingerprintOf, objectsOf, type TenantObjects } from "./tenant-data";

// The cross-tenant matrix. Every page, route handler and server action of the build (Next.js's
// manifests list what the app directory holds, so a new one is covered without editing this
// file) is asked, by every role of association A on A's site, for association B's objects by id.
// Each answer must be a refusal (404, 403, 401, or the sign-in page for a visitor) wherever a
// B id is in the path, no answer may hold a string that only B has, nothing may answer 5xx, and
// not one row of B may change.

jest.mock("@/lib/auth/guard", () => ({
  guardedAction: (scope: unknown, schema: unknown) => ({ kind: "form", scope, schema }),
  guardedCall: (scope: unknown, schema: unknown) => ({ kind: "call", scope, schema }),
}));

const A = "qader";
const B = "alhilah";
const PASSWORD = "Demo-2026-pass";
const LOCALES = ["", "/en"] as const;

type Role = { name: string; cookie: string | null };
let roles: Role[] = [];
let b: TenantObjects;
let canaries: string[] = [];
let before: Record<string, string>;

let findings: string[] = [];
/** Actions whose payload the schema refused for A's admin: the matrix could not reach their service. */
const notReached = new Set<string>();
const tally = { pages: 0, routes: 0, actions: 0, requests: 0, reachedService: 0 };

function check(what: string, reply: Reply, strict: boolean) {
  tally.requests++;
  if (reply.status >= 500) findings.push(`${what}: HTTP ${reply.status}`);
  const leaked = canaries.filter((canary) => reply.body.includes(canary));
  if (leaked.length) findings.push(`${what}: B's data in the answer: ${leaked.slice(0, 3).join(" | ")}`);
  const refused = [401, 403, 404].includes(reply.status) || (reply.status >= 300 && reply.status < 400 && /\/sign-in/.test(String(reply.headers.location)));
  if (strict && !refused) findings.push(`${what}: HTTP ${reply.status}, not a refusal`);
}

beforeAll(async () => {
  const accounts = ["admin", "officer", "researcher", "committee", "board"];
  roles = [{ name: "visitor", cookie: null }];
  for (const account of accounts) {
    const { cookie } = await signIn(A, `${account}@${A}.demo`, PASSWORD);
    if (!cookie) throw new Error(`could not sign in as ${account}@${A}.demo`);
    roles.push({ name: `A ${account}`, cookie });
  }
  // B's admin, with a session made on B's site, replayed on A's.
  const foreign = await signIn(B, `admin@${B}.demo`, PASSWORD);
  roles.push({ name: "B admin", cookie: foreign.cookie });
  const marker = `MATRIX-B-${Date.now()}`;
  await addUniqueObjects(B, marker);
  await addDataRequest(B, marker);
  b = await objectsOf(B);
  canaries = [marker, ...(await canariesOf(B, A))];
  before = await fingerprintOf(b.associationId);
}, 120_000);

afterAll(closeDb);

// ---------------------------------------------------------------- pages and route handlers

/** B's values for a dynamic segment, by its name. */
function valuesFor(segment: string, route: string): string[] {
  switch (segment) {
    case "reference":
      return route.includes("complaints") ? b.complaintReferences : b.references;
    case "surveyId":
      return b.surveyIds.slice(0, 1);
    case "token":
      return [...b.tokens.slice(0, 2), "A".repeat(43)];
    case "id":
      return b.dataRequestIds;
    case "number":
      return [String(b.versionNumbers[0] ?? 1)];
    default:
      return ["x"];
  }
}

/** Query parameters that pages and route handlers read, all set to B's objects. */
const foreignQuery = () =>
  new URLSearchParams({
    surveyId: b.surveyIds[0] ?? "",
    from: String(b.versionNumbers.at(-1) ?? 1),
    to: String(b.versionNumbers[0] ?? 1),
    cursor: b.auditIds[0] ?? "",
    id: b.dataRequestIds[0] ?? "",
    requestId: b.requestIds[0] ?? "",
    reference: b.references[0] ?? "",
    userId: b.userIds[0] ?? "",
  }).toString();

/** Every page and route handler of an association's site, with B's values in its segments. */
function tenantPaths(): { route: string; path: string; strict: boolean }[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const manifest = require(path.resolve(__dirname, "../../.next/server/app-paths-manifest.json")) as Record<string, string>;
  const out: { route: string; path: string; strict: boolean }[] = [];
  for (const route of Object.keys(manifest)) {
    const tenantPage = route.startsWith("/[locale]/t/[tenant]/") && route.endsWith("/page");
    const handler = route.startsWith("/api/") && route.endsWith("/route") && !route.includes("[...nextauth]");
    if (!tenantPage && !handler) continue;
    const visible = route
      .replace(/^\/\[locale\]\/t\/\[tenant\]/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\/(page|route)$/, "");
    let paths = [visible || "/"];
    for (const [, segment] of visible.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)) {
      paths = paths.flatMap((p) => valuesFor(segment, route).map((value) => p.replace(/\[(?:\.\.\.)?\w+\]/, encodeURIComponent(value))));
    }
    // An object of B named in the path must be refused; version numbers and catch-alls name nothing of B.
    const strict = /\[(reference|surveyId|token|id)\]/.test(visible) && (visible.startsWith("/admin") || visible.includes("survey"));
    for (const p of paths) out.push({ route, path: `${p}?${foreignQuery()}`, strict });
  }
  return out;
}

describe("cross-tenant matrix", () => {
  beforeEach(() => (findings = []));

  it("pages and route handlers of A's site, asked for B's objects by every role, refuse and show nothing of B", async () => {
    const paths = tenantPaths();
    tally.pages = new Set(paths.filter((p) => p.route.endsWith("/page")).map((p) => p.route)).size;
    tally.routes = new Set(paths.filter((p) => p.route.endsWith("/route")).map((p) => p.route)).size;
    for (const role of roles) {
      for (const { path: p, strict } of paths) {
        const locales = p.startsWith("/api/") ? [""] : LOCALES;
        for (const locale of locales) {
          const url = `${locale}${p}`;
          const reply = await send(A, url, { cookie: role.cookie ?? undefined });
          check(`${role.name} GET ${url.split("?")[0]}`, reply, strict);
        }
      }
      // The Stripe webhook, posted with B's ids and no valid signature.
      const webhook = await send(A, "/api/stripe/webhook", {
        method: "POST",
        cookie: role.cookie ?? undefined,
        headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=00" },
        body: JSON.stringify({ type: "customer.subscription.deleted", data: { object: { metadata: { associationId: b.associationId } } } }),
      });
      check(`${role.name} POST /api/stripe/webhook`, webhook, false);
      expect(webhook.status).toBe(400);
    }
    expect(findings).toEqual([]);
  });

  // ------------------------------------------------------------------------- server actions

  it("server actions, called by every role on A's site with B's ids, refuse and change nothing of B", async () => {
    const actions = serverActions();
    tally.actions = actions.length;
    for (const action of actions) {
      const [file, exportName] = action.name.split("#");
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const bound = require(path.resolve(__dirname, "../..", file))[exportName] as { kind?: string; schema?: z.ZodType } | undefined;
      const input = payloadFor(bound?.schema);
      for (const role of roles) {
        const options = { cookie: role.cookie ?? undefined };
        const slug = action.tenant ? A : null;
        const reply = bound?.kind === "call" ? await callDataAction(slug, action, input, options) : await callFormAction(slug, action, input, options);
        check(`${role.name} ${action.name}`, reply, false);
        const state = actionState(reply);
        const fieldErrors = Object.keys((state?.fieldErrors as Record<string, string>) ?? {});
        const reached = Boolean(state?.ok) || (Boolean(state?.error) && fieldErrors.length === 0);
        if (reached) tally.reachedService++;
        else if (role.name === "A admin") notReached.add(`${action.name} (${fieldErrors.join(", ") || "no state"})`);
      }
    }
    expect(findings).toEqual([]);
    expect(await fingerprintOf(b.associationId)).toEqual(before);
  });

  afterAll(() => {
    console.log(
      `[matrix] ${roles.length} roles (${roles.map((r) => r.name).join(", ")}) × ${tally.pages} pages, ${tally.routes} route handlers and ${tally.actions} server actions: ` +
        `${tally.requests} requests, ${tally.reachedService} action calls past validation, ${findings.length} findings; ` +
        `${canaries.length} strings of B looked for; B's ${Object.keys(before ?? {}).length} tables unchanged`,
    );
    console.log(`[matrix] refused by validation for A's admin (service not reached): ${[...notReached].join("; ") || "none"}`);
  });
});

// ---------------------------------------------------------------- action payloads

/** B's object for a field, by the field's name. */
function foreignValue(field: string): string | undefined {
  const pick = (values: (string | number)[]) => (values[0] === undefined ? undefined : String(values[0]));
  const name = field.toLowerCase();
  if (name === "associationid") return b.associationId;
  if (name === "requestid") return pick(b.requestIds);
  if (name === "id" || name === "datarequestid") return pick(b.dataRequestIds);
  if (name === "reference" || name === "requestreference") return pick(b.references);
  if (name === "complaintid") return pick(b.complaintIds);
  if (name === "versionid") return pick(b.versionIds);
  if (name === "surveyid") return pick(b.surveyIds);
  if (name === "userid" || name === "memberid" || name === "assigneeid" || name === "researcherid") return pick(b.userIds);
  if (name === "invitationid") return pick(b.invitationIds);
  if (name === "token") return pick(b.tokens);
  return undefined;
}

/** Every action gets B's ids in its id fields and a plausible value in the others, so that it
 * gets past validation to the service, where B's ids must not be found. */
function payloadFor(schema: z.ZodType | undefined): Record<string, string> {
  const fields: Record<string, string> = {
    associationId: b.associationId,
    requestId: b.requestIds[0],
    reference: b.references[0],
    complaintId: b.complaintIds[0],
    versionId: b.versionIds[0],
    surveyId: b.surveyIds[0],
    userId: b.userIds[0],
    invitationId: b.invitationIds[0] ?? b.userIds[0],
    token: b.tokens[0] ?? "A".repeat(43),
  };
  if (!schema) return fields;
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  for (const [field, spec] of Object.entries(json.properties ?? {})) {
    fields[field] = foreignValue(field) ?? plausible(field, spec);
  }
  return fields;
}

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  minimum?: number;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
};

function plausible(field: string, spec: JsonSchema): string {
  const name = field.toLowerCase();
  const known: Record<string, string> = {
    confirm: "Matrix-pass-2026",
    website: "https://example.org",
    xhandle: "matrix_test",
    instagramhandle: "matrix_test",
    year: "2026",
    idnumber: withCheckDigit("100000099"),
    code: "123456",
    slug: `matrix-${Date.now().toString(36)}`,
    registrationnumber: "1234",
  };
  if (known[name]) return known[name];
  if (name.endsWith("at")) return new Date().toISOString();
  if (spec.anyOf?.length) return plausible(field, spec.anyOf.find((option) => option.type !== "null") ?? spec.anyOf[0]);
  if (spec.const !== undefined) return String(spec.const);
  if (spec.enum?.length) return String(spec.enum[0]);
  if (spec.format === "email" || name.includes("email")) return "matrix@example.org";
  if (spec.format === "uuid") return b.requestIds[0];
  if (spec.format === "date" || name.includes("date")) return "2026-11-24";
  if (name.includes("phone") || name.includes("mobile")) return "0551234567";
  if (name.includes("password")) return "Matrix-pass-2026";
  if (spec.type === "integer" || spec.type === "number") return String(Math.max(spec.minimum ?? 1, 1));
  if (spec.type === "boolean") return "on";
  if (spec.type === "array") return spec.items ? plausible(field, spec.items) : "x";
  return "نص للاختبار".padEnd(Math.max(spec.minLength ?? 0, 12), "ـ");
}

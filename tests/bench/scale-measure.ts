// The scale test's measurements: what each staff page runs, through the real service functions,
// timed on a sample of associations, and the SQL those functions send, captured from Prisma's
// query events and run again under EXPLAIN (ANALYZE, BUFFERS) to show which indexes they use.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Db } from "../../lib/db/client";
import { PrismaClient } from "../../lib/db/generated/client";
import type { RequestStatus } from "../../lib/db/generated/enums";
import { needsAttestation } from "../../lib/policy/console";
import { membersWithRole } from "../../lib/policy/repository";
import { getPublishedPolicy } from "../../lib/policy/service";
import { requestsReport, resolvePeriod } from "../../lib/reports/requests";
import { isoDay, riyadhDay } from "../../lib/requests/due-date";
import { countsByStatus, getRequest, listRequests, type ListFilters } from "../../lib/requests/queries";
import { dashboardFilters, surveyDashboard } from "../../lib/surveys/dashboard";
import { prng } from "../helpers/prng";

/** What one sampled association's measurements need: an officer (the signed-in member), a
 * channel, a name and references to search, the cursor of the list's second page. */
export type Sample = {
  associationId: string;
  officerId: string;
  channelKey: string;
  familyName: string;
  reference: string;
  references: string[];
  secondPage: string | null;
};

export type Measurement = {
  name: string;
  group: "staff list" | "request page" | "reports" | "survey dashboard";
  /** Run i of this measurement for one association. */
  run: (db: Db, s: Sample, i: number) => Promise<unknown>;
};

/** The requests list page's reads (admin/requests/page.tsx) for one view of the list. */
function staffList(db: Db, s: Sample, filters: ListFilters) {
  return Promise.all([
    listRequests(db, s.associationId, filters, new Date()),
    countsByStatus(db, s.associationId),
    getPublishedPolicy(db, s.associationId),
    membersWithRole(db, s.associationId, ["OFFICER"]),
    needsAttestation(db, s.associationId, s.officerId, ["OFFICER"]),
  ]);
}

const view = (name: string, filters: (s: Sample) => ListFilters): Measurement => ({
  name: `staff list: ${name}`,
  group: "staff list",
  run: (db, s) => staffList(db, s, filters(s)),
});

const STATUS: RequestStatus = "IN_RESEARCH";

export const MEASUREMENTS: Measurement[] = [
  view("no filter", () => ({})),
  view(`status ${STATUS}`, () => ({ status: STATUS })),
  view("overdue", () => ({ overdue: true })),
  view("due soon", () => ({ dueSoon: true })),
  view("channel", (s) => ({ channelKey: s.channelKey })),
  view("assignee", (s) => ({ assigneeId: s.officerId })),
  view("search reference", (s) => ({ q: s.reference })),
  view("search name", (s) => ({ q: s.familyName })),
  view("search, no match", () => ({ q: "لا يوجد" })),
  view("second page", (s) => ({ cursor: s.secondPage ?? undefined })),
  {
    // admin/requests/[reference]/page.tsx: a different request each time.
    name: "request page",
    group: "request page",
    run: (db, s, i) =>
      Promise.all([
        getRequest(db, s.associationId, s.references[i % s.references.length]),
        needsAttestation(db, s.associationId, s.officerId, ["OFFICER"]),
        membersWithRole(db, s.associationId, ["OFFICER", "RESEARCHER"]),
      ]),
  },
  {
    // admin/reports/page.tsx with its default period (this Hijri year).
    name: "reports: this year",
    group: "reports",
    run: (db, s) => requestsReport(db, s.associationId, resolvePeriod({})),
  },
  {
    // admin/surveys/page.tsx with its default period (this Hijri year's months).
    name: "survey dashboard: this year",
    group: "survey dashboard",
    run: (db, s) => surveyDashboard(db, s.associationId, dashboardFilters({}).months),
  },
  {
    name: "survey dashboard: 12 months",
    group: "survey dashboard",
    run: (db, s) => surveyDashboard(db, s.associationId, dashboardFilters(lastTwelveMonths()).months),
  },
];

function lastTwelveMonths(now = new Date()) {
  const today = riyadhDay(now);
  return { from: isoDay(today.subtract({ months: 12 }).add({ days: 1 })), to: isoDay(today) };
}

/** Targets of the issue (p95, ms); reports have none. */
export const TARGETS: Record<Measurement["group"], number | null> = {
  "staff list": 30,
  "request page": 30,
  reports: null,
  "survey dashboard": 300,
};


/** The sampled associations (generated ones, chosen by the seeded PRNG) and what each needs. */
export async function samples(db: Db, count: number, referencesEach: number): Promise<Sample[]> {
  const random = prng(20261129);
  const all = await db.association.findMany({ where: { slug: { startsWith: "bench-" } }, orderBy: { slug: "asc" }, select: { id: true } });
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, all.length)) chosen.add(all[Math.floor(random() * all.length)].id);
  const result: Sample[] = [];
  for (const associationId of chosen) {
    const officer = (await membersWithRole(db, associationId, ["OFFICER"]))[0];
    const channelKey = (await getPublishedPolicy(db, associationId))!.content.channels[0].key;
    const total = await db.supportRequest.count({ where: { associationId } });
    const at = async (k: number) =>
      (await db.supportRequest.findFirstOrThrow({ where: { associationId }, orderBy: { reference: "asc" }, skip: k, select: { reference: true, applicantName: true } }));
    const references = [];
    for (let k = 0; k < referencesEach; k++) references.push((await at(Math.floor(random() * total))).reference);
    const some = await at(Math.floor(random() * total));
    const first = await listRequests(db, associationId, {});
    result.push({
      associationId,
      officerId: officer.userId,
      channelKey,
      familyName: some.applicantName.split(" ").at(-1)!,
      reference: some.reference,
      references,
      secondPage: first.nextCursor,
    });
  }
  return result;
}

export type Timing = { name: string; group: Measurement["group"]; n: number; p50: number; p95: number; max: number; target: number | null; pass: boolean | null };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function summarize(name: string, group: Measurement["group"], ms: number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  const target = TARGETS[group];
  return { name, group, n: ms.length, p50: percentile(sorted, 50), p95, max: sorted.at(-1)!, target, pass: target === null ? null : p95 < target };
}

/** One warm-up pass, then `iterations` passes over every sample, measurements interleaved. */
export async function time(db: Db, sampled: Sample[], iterations: number): Promise<Timing[]> {
  for (const s of sampled) for (const m of MEASUREMENTS) await m.run(db, s, 0);
  const ms = new Map<Measurement, number[]>(MEASUREMENTS.map((m) => [m, []]));
  for (let i = 0; i < iterations; i++) {
    for (const s of sampled) {
      for (const m of MEASUREMENTS) {
        const start = performance.now();
        await m.run(db, s, i + 1);
        ms.get(m)!.push(performance.now() - start);
      }
    }
  }
  const rows = MEASUREMENTS.map((m) => summarize(m.name, m.group, ms.get(m)!));
  // The staff list as a whole: every view's samples together.
  const lists = MEASUREMENTS.filter((m) => m.group === "staff list").flatMap((m) => ms.get(m)!);
  rows.splice(rows.findIndex((r) => r.group !== "staff list"), 0, summarize("staff list: all views", "staff list", lists));
  return rows;
}

export type PlanNode = { node: string; relation?: string; index?: string };
export type QueryPlan = {
  measurement: string;
  sql: string;
  params: unknown[];
  executionMs: number;
  nodes: PlanNode[];
  /** Sequential scans of the tables that grow with the requests and responses. */
  bigSeqScans: string[];
};

export const BIG_TABLES = ["SupportRequest", "RequestStep", "RequestEvent", "SurveyResponse"];

type RawPlan = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: RawPlan[] };

function flatten(plan: RawPlan, into: PlanNode[] = []): PlanNode[] {
  into.push({ node: plan["Node Type"], relation: plan["Relation Name"], index: plan["Index Name"] });
  for (const child of plan.Plans ?? []) flatten(child, into);
  return into;
}

/** Runs each measurement once for one association on a client that logs its SQL, then EXPLAINs
 * every SELECT with its parameters (in a read-only transaction, rolled back). */
export async function explain(url: string, s: Sample): Promise<QueryPlan[]> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const logging = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: "event", level: "query" }] });
  const captured: { measurement: string; sql: string; params: string }[] = [];
  let current = "";
  logging.$on("query", (e) => captured.push({ measurement: current, sql: e.query, params: e.params }));
  for (const m of MEASUREMENTS) {
    current = m.name;
    await m.run(logging, s, 1);
  }
  await logging.$disconnect();
  await pool.end();

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const plans: QueryPlan[] = [];
  try {
    for (const q of captured) {
      if (!/^\s*(SELECT|WITH)\b/i.test(q.sql)) continue;
      const params = JSON.parse(q.params) as unknown[];
      await client.query("BEGIN READ ONLY");
      try {
        const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${q.sql}`, params);
        const [result] = rows[0]["QUERY PLAN"] as { Plan: RawPlan; "Execution Time": number }[];
        const nodes = flatten(result.Plan);
        const bigSeqScans = nodes.filter((n) => n.node === "Seq Scan" && n.relation && BIG_TABLES.includes(n.relation)).map((n) => n.relation!);
        plans.push({ measurement: q.measurement, sql: q.sql, params, executionMs: result["Execution Time"], nodes, bigSeqScans });
      } finally {
        await client.query("ROLLBACK");
      }
    }
  } finally {
    await client.end();
  }
  return plans;
}

/** "Index Scan SupportRequest_associationId_dueAt_id_idx", "Seq Scan Membership", … */
export function describe(nodes: PlanNode[]): string[] {
  return nodes
    .filter((n) => n.relation || n.index)
    .map((n) => `${n.node} ${n.index ? `${n.index}` : n.relation}`)
    .filter((d, i, all) => all.indexOf(d) === i);
}

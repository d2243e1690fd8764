/** @jest-environment node */
import { resolveAccess } from "@/lib/auth/access";
import type { SessionUser } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DEFAULT_SURVEY } from "@/lib/surveys/defaults";
import { dashboardCsv, dashboardFilters, satisfactionSummary, surveyDashboard } from "@/lib/surveys/dashboard";
import type { Tenant } from "@/lib/tenancy/repository";
import { freshDatabase } from "../../helpers/db";
import { demoUser, seedWithAccounts, tenant } from "../fixtures";
import { addRequest } from "../reports/requests-fixture";

// The route runs its handler through the real permission check for the test's user.
const mockRoute: { db?: Database["prisma"]; tenant?: Tenant; user?: SessionUser } = {};
jest.mock("@/lib/auth/guard", () => ({
  guardedRoute:
    (permission: string, handler: (ctx: unknown) => Promise<Response>) =>
    async (request: Request) => {
      const access = await resolveAccess(mockRoute.db!, { kind: "tenant", tenant: mockRoute.tenant! }, mockRoute.user!, { permission } as never);
      if (!access?.member) return new Response(null, { status: 404 });
      return handler({ db: mockRoute.db, member: access.member, request });
    },
}));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { GET } = require("@/app/api/admin/surveys/figures.csv/route") as { GET: (request: Request) => Promise<Response> };

const OCT_NOV = { from: "2026-10", to: "2026-11" };

let db: Database;
let qader: Tenant;
let alhilahId: string;
let surveyId: string;

type Row = { month: string; channelKey: string | null; versionId: string; answers: Prisma.InputJsonObject };

beforeAll(async () => {
  db = await freshDatabase();
  await seedWithAccounts(db.prisma);
  qader = await tenant(db.prisma, "qader");
  alhilahId = (await tenant(db.prisma, "alhilah")).id;
  const survey = await db.prisma.survey.findFirstOrThrow({ where: { associationId: qader.id, postService: true } });
  surveyId = survey.id;
  const v1 = await db.prisma.surveyVersion.findFirstOrThrow({ where: { associationId: qader.id, surveyId, number: 1 } });
  // Version 2: no overall question (CSAT from the mean of the ratings) and a new label for q-ease.
  const v2 = await db.prisma.surveyVersion.create({
    data: {
      associationId: qader.id,
      surveyId,
      number: 2,
      content: {
        ...DEFAULT_SURVEY,
        questions: DEFAULT_SURVEY.questions
          .filter((q) => q.key !== "q-overall")
          .map((q) => (q.key === "q-ease" ? { ...q, label: { ar: "سهولة الإجراءات", en: "Ease of the procedures" } } : q)),
      },
    },
  });
  await db.prisma.survey.update({ where: { associationId_id: { associationId: qader.id, id: surveyId } }, data: { currentVersion: 2 } });

  const rows: Row[] = [];
  const v1Row = (month: string, channelKey: string | null, overall: number, recommend: number, extra: Record<string, unknown> = {}) =>
    rows.push({ month, channelKey, versionId: v1.id, answers: { "q-ease": overall, "q-overall": overall, "q-recommend": recommend, ...extra } as Prisma.InputJsonObject });
  // October, phone, version 1: overall 5 5 4 3 2 5 (4 satisfied), NPS 3 promoters, 2 detractors.
  v1Row("2026-10", "PHONE", 5, 10, { "q-heard": "social", "q-comments": "تعامل ممتاز" });
  v1Row("2026-10", "PHONE", 5, 9, { "q-heard": "social" });
  v1Row("2026-10", "PHONE", 4, 8, { "q-heard": "social", "q-comments": "الرد بطيء" });
  v1Row("2026-10", "PHONE", 3, 6, { "q-heard": "relative" });
  v1Row("2026-10", "PHONE", 2, 0);
  v1Row("2026-10", "PHONE", 5, 10);
  // November, public link, version 2: rating means 4, 5, 3.5, 4, 2 (3 satisfied), NPS 2 promoters, 1 detractor.
  const ratings = [
    [4, 4, 4, 4, 10],
    [5, 5, 5, 5, 10],
    [4, 4, 3, 3, 7],
    [5, 4, 4, 3, 7],
    [2, 2, 2, 2, 3],
  ];
  for (const [i, [ease, speed, respect, clarity, recommend]] of ratings.entries()) {
    rows.push({
      month: "2026-11",
      channelKey: null,
      versionId: v2.id,
      answers: { "q-ease": ease, "q-speed": speed, "q-respect": respect, "q-clarity": clarity, "q-recommend": recommend, ...(i === 0 ? { "q-comments": "شكرا لكم" } : {}) },
    });
  }
  // November, website, version 1: three unhappy answers (a group of three: suppressed).
  for (let i = 0; i < 3; i++) v1Row("2026-11", "WEBSITE", 1, 0);
  // Outside the range: September and December (four, for the suppression boundary).
  for (let i = 0; i < 5; i++) v1Row("2026-09", "PHONE", 1, 0);
  for (let i = 0; i < 4; i++) v1Row("2026-12", "PHONE", 5, 10, { "q-comments": "ديسمبر" });
  await db.prisma.surveyResponse.createMany({ data: rows.map((r) => ({ associationId: qader.id, surveyId, source: r.channelKey ? "INVITATION" : "PUBLIC_LINK", ...r })) });

  // Al-Hilah, October: six unhappy answers that must never reach Qader's figures.
  const alhilahSurvey = await db.prisma.survey.findFirstOrThrow({ where: { associationId: alhilahId, postService: true }, include: { versions: true } });
  await db.prisma.surveyResponse.createMany({
    data: Array.from({ length: 6 }, () => ({
      associationId: alhilahId,
      surveyId: alhilahSurvey.id,
      versionId: alhilahSurvey.versions[0].id,
      source: "PUBLIC_LINK" as const,
      month: "2026-10",
      answers: { "q-overall": 1, "q-recommend": 0, "q-comments": "سري" },
    })),
  });

  // Invitations by Riyadh month: 00:30 on 1 October in Riyadh is still 30 September in UTC.
  const invite = async (associationId: string, sid: string, createdAt: Date, used: boolean) => {
    const request = await addRequest(db.prisma, associationId, { submittedAt: createdAt });
    await db.prisma.surveyInvitation.create({
      data: { associationId, surveyId: sid, requestId: request.id, tokenHash: request.id.replace(/-/g, "").padEnd(64, "0"), expiresAt: new Date(createdAt.getTime() + 30 * 86400000), createdAt, usedAt: used ? createdAt : null },
    });
  };
  await invite(qader.id, surveyId, new Date("2026-09-30T21:30:00Z"), true);
  await invite(qader.id, surveyId, new Date("2026-10-10T09:00:00Z"), true);
  await invite(qader.id, surveyId, new Date("2026-11-10T09:00:00Z"), false);
  await invite(qader.id, surveyId, new Date("2026-11-30T20:59:00Z"), false);
  await invite(qader.id, surveyId, new Date("2026-09-30T20:59:00Z"), true); // September in Riyadh
  await invite(qader.id, surveyId, new Date("2026-11-30T21:00:00Z"), true); // December in Riyadh
  await invite(alhilahId, alhilahSurvey.id, new Date("2026-10-10T09:00:00Z"), true);
}, 120_000);

afterAll(async () => {
  await db?.close();
});

describe("surveyDashboard", () => {
  it("counts the range's responses of every version, invitations by Riyadh month, CSAT and NPS", async () => {
    const d = await surveyDashboard(db.prisma, qader.id, OCT_NOV);
    expect(d.survey?.id).toBe(surveyId);
    expect(d.totals).toEqual({
      responses: 14,
      csat: 0.5, // 4 + 3 + 0 satisfied of 14
      nps: -7, // 5 promoters, 6 detractors of 14
      suppressed: false,
      invitations: 4,
      invitationResponses: 2,
      responseRate: 0.5,
    });
  });

  it("gives the monthly trend and the channels, hiding groups under five", async () => {
    const d = await surveyDashboard(db.prisma, qader.id, OCT_NOV);
    expect(d.trend).toEqual([
      { month: "2026-10", responses: 6, csat: 4 / 6, nps: 17, suppressed: false },
      { month: "2026-11", responses: 8, csat: 3 / 8, nps: -25, suppressed: false },
    ]);
    expect(d.byChannel.map(({ key, responses, csat, nps, suppressed }) => ({ key, responses, csat, nps, suppressed }))).toEqual([
      { key: "PHONE", responses: 6, csat: 4 / 6, nps: 17, suppressed: false },
      { key: "WEBSITE", responses: null, csat: null, nps: null, suppressed: true },
      // WEBSITE is the only small group: the smallest shown one (the public link's 5) is hidden
      // too, or WEBSITE's figures would follow from the totals minus PHONE's and its own.
      { key: null, responses: null, csat: null, nps: null, suppressed: true },
    ]);
    expect(d.byChannel[0].label?.en).toBeTruthy();
  });

  it("matches questions by key across versions, with zero counts, the newest label and suppression", async () => {
    const d = await surveyDashboard(db.prisma, qader.id, OCT_NOV);
    const q = Object.fromEntries(d.questions.map((x) => [x.key, x]));
    expect(q["q-overall"]).toMatchObject({ answered: 9, mean: 3, suppressed: false });
    expect(q["q-overall"].distribution?.map((c) => [c.key, c.count])).toEqual([["1", 3], ["2", 1], ["3", 1], ["4", 1], ["5", 3]]);
    expect(q["q-ease"]).toMatchObject({ answered: 14, label: { en: "Ease of the procedures" } });
    expect(q["q-recommend"].distribution).toHaveLength(11);
    expect(q["q-recommend"].distribution?.find((c) => c.key === "0")?.count).toBe(4);
    // Four answers: hidden.
    expect(q["q-heard"]).toMatchObject({ answered: null, suppressed: true, distribution: null });
    expect(q["q-comments"]).toMatchObject({ type: "TEXT", answered: null, suppressed: true, distribution: null });
  });

  it("lists free text newest first for a large enough group, never another association's", async () => {
    const d = await surveyDashboard(db.prisma, qader.id, OCT_NOV);
    expect(d.comments?.map((c) => c.text)).toEqual(["شكرا لكم", expect.any(String), expect.any(String)]);
    expect(d.comments?.[0].month).toBe("2026-11");
    expect(d.comments?.map((c) => c.text).sort()).toEqual(["الرد بطيء", "تعامل ممتاز", "شكرا لكم"].sort());
  });

  it("shows no figures and no free text for four responses, and figures from five", async () => {
    const dec = await surveyDashboard(db.prisma, qader.id, { from: "2026-12", to: "2026-12" });
    expect(dec.totals).toMatchObject({ responses: 4, csat: null, nps: null, responseRate: null, suppressed: true });
    expect(dec.comments).toBeNull();
    expect(dec.questions.every((q) => q.suppressed)).toBe(true);
    const sep = await surveyDashboard(db.prisma, qader.id, { from: "2026-09", to: "2026-09" });
    expect(sep.totals).toMatchObject({ responses: 5, csat: 0, nps: -100, suppressed: false });
  });

  it("keeps each association to its own responses", async () => {
    const d = await surveyDashboard(db.prisma, alhilahId, OCT_NOV);
    expect(d.totals).toMatchObject({ responses: 6, csat: 0, invitations: 1 });
    expect(d.comments?.map((c) => c.text)).toEqual(Array(6).fill("سري"));
    // Another association's survey id shows this association's default survey instead.
    expect((await surveyDashboard(db.prisma, qader.id, OCT_NOV, d.survey!.id)).survey?.id).toBe(surveyId);
  });
});

describe("satisfactionSummary", () => {
  it("sums every survey of the association", async () => {
    expect(await satisfactionSummary(db.prisma, qader.id, OCT_NOV)).toEqual({
      responses: 14,
      invitations: 4,
      invitationResponses: 2,
      responseRate: 0.5,
      csat: 0.5,
      nps: -7,
      suppressed: false,
    });
  });

  it("hides the figures under five responses", async () => {
    expect(await satisfactionSummary(db.prisma, qader.id, { from: "2026-12", to: "2026-12" })).toEqual({
      responses: 4,
      invitations: 1,
      invitationResponses: 1,
      responseRate: null,
      csat: null,
      nps: null,
      suppressed: true,
    });
  });
});

describe("figures CSV", () => {
  it("has the figures, suppressed groups without figures and no free text", async () => {
    const csv = dashboardCsv(await surveyDashboard(db.prisma, qader.id, OCT_NOV));
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("section,group,metric,value");
    expect(lines).toEqual(
      expect.arrayContaining([
        "totals,all,responses,14",
        "totals,all,csat_percent,50",
        "totals,all,response_rate_percent,50",
        "month,2026-10,csat_percent,66.7",
        "channel,WEBSITE,suppressed,hidden",
        "channel,public_link,suppressed,hidden",
        "question,q-overall,score_1,3",
        "question,q-heard,suppressed,hidden",
      ]),
    );
    // A negative number may come out formula-escaped by toCsv.
    expect(lines).toContain("totals,all,nps,-7");
    expect(lines.filter((l) => l.startsWith("channel,WEBSITE"))).toHaveLength(1);
    for (const text of ["تعامل ممتاز", "الرد بطيء", "شكرا لكم"]) expect(csv).not.toContain(text);
  });

  it("is served for the query's filters to members with surveys.view only", async () => {
    mockRoute.db = db.prisma;
    mockRoute.tenant = qader;
    mockRoute.user = await demoUser(db.prisma, "qader", "BOARD");
    const response = await GET(new Request("http://qader.localhost/api/admin/surveys/figures.csv?from=2026-10-01&to=2026-11-30"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const body = await response.text();
    expect(body).toContain("period,months,from,2026-10");
    expect(body).toContain("totals,all,responses,14");

    mockRoute.user = await demoUser(db.prisma, "alhilah", "ADMIN");
    expect((await GET(new Request("http://qader.localhost/api/admin/surveys/figures.csv"))).status).toBe(404);
  });
});

describe("dashboardFilters", () => {
  it("turns days into months and drops a malformed survey id", () => {
    expect(dashboardFilters({ from: "2026-10-01", to: "2026-11-30", survey: "x" })).toEqual({
      period: { from: "2026-10-01", to: "2026-11-30" },
      months: { from: "2026-10", to: "2026-11" },
      surveyId: undefined,
    });
  });
  it("drops repeated parameters and days outside this era instead of failing", () => {
    const now = new Date("2026-11-10T09:00:00Z");
    const today = { period: { from: "2026-10-01", to: "2026-11-10" }, months: { from: "2026-10", to: "2026-11" }, surveyId: undefined };
    const repeated = { from: ["2026-01-01", "2026-02-01"], to: "2026-11-10" } as unknown as Record<string, string>;
    expect(dashboardFilters({ ...repeated, from: "2026-10-01" }, now)).toEqual(today);
    expect(dashboardFilters(repeated, now).period.to).toBe("2026-11-10");
    // "9999-12" would never end the months' loop (string order puts "10000-01" before it).
    expect(dashboardFilters({ from: "2026-10-01", to: "9999-12-31" }, now)).toEqual(today);
    expect(dashboardFilters({ from: "0001-01-01", to: "2026-11-10" }, now).period.from).not.toBe("0001-01-01");
  });
});

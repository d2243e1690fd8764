/** @jest-environment node */
import PgBoss from "pg-boss";
import type { Database } from "@/lib/db/client";
import { demoEmail } from "@/lib/db/seed";
import { DIGEST_JOB, runDigest } from "@/lib/jobs/digest";
import { runEscalation } from "@/lib/jobs/escalate";
import { jobsEnabled, QUEUES, startPgBoss, tick, type TickState } from "@/lib/jobs/runner";
import { engineName, freshDatabase } from "../../helpers/db";
import { seedWithAccounts, tenant } from "../fixtures";
import { addRequest, DAY_MS } from "../reports/requests-fixture";

// 08:00 in Riyadh on 24 Nov 2026.
const NOW = new Date("2026-11-24T05:00:00Z");

let db: Database;
let qaderId: string;
let alhilahId: string;
const refs = {} as Record<"overdue" | "soon" | "later" | "decided" | "alhilahOverdue", string>;

beforeAll(async () => {
  db = await freshDatabase();
  await seedWithAccounts(db.prisma);
  qaderId = (await tenant(db.prisma, "qader")).id;
  alhilahId = (await tenant(db.prisma, "alhilah")).id;
  // A second officer at Qader: each officer gets their own e-mail.
  const second = await db.prisma.user.create({ data: { email: "officer2@qader.demo", name: "Second officer" } });
  await db.prisma.membership.create({ data: { associationId: qaderId, userId: second.id, roles: ["OFFICER", "RESEARCHER"] } });

  // Fourteen-day deadline: submitted 20 days ago is overdue, 12 days ago due in 2 days, 4 days ago due in 10.
  const ago = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
  refs.overdue = (await addRequest(db.prisma, qaderId, { submittedAt: ago(20), status: "IN_RESEARCH" })).reference;
  refs.soon = (await addRequest(db.prisma, qaderId, { submittedAt: ago(12) })).reference;
  refs.later = (await addRequest(db.prisma, qaderId, { submittedAt: ago(4) })).reference;
  refs.decided = (await addRequest(db.prisma, qaderId, { submittedAt: ago(21), status: "ACCEPTED", decidedAt: ago(10) })).reference;
  // A year back, so its reference (previous Hijri year) differs from every Qader one.
  refs.alhilahOverdue = (await addRequest(db.prisma, alhilahId, { submittedAt: ago(400) })).reference;
  expect(Object.values(refs.alhilahOverdue ? refs : {}).filter((r) => r === refs.alhilahOverdue)).toHaveLength(1);
}, 60_000);
afterAll(() => db.close());

const outbox = (template: string, associationId: string) =>
  db.prisma.outboxMessage.findMany({ where: { template, associationId }, orderBy: { createdAt: "asc" } });

describe(`jobs (${engineName()})`, () => {
  it("e-mails each officer one digest with the overdue and due-soon requests only", async () => {
    const result = await runDigest(db.prisma, NOW);
    expect(result).toMatchObject({ ran: true, key: "2026-11-24" });

    const qader = await outbox("requestsDigest", qaderId);
    expect(qader.map((m) => m.recipient).sort()).toEqual([demoEmail("qader", "OFFICER"), "officer2@qader.demo"].sort());
    for (const mail of qader) {
      expect(mail.subject).toContain("1 متأخرة");
      expect(mail.body).toContain(refs.overdue);
      expect(mail.body).toContain(refs.soon);
      expect(mail.body).not.toContain(refs.later);
      expect(mail.body).not.toContain(refs.decided);
      expect(mail.body).not.toContain(refs.alhilahOverdue);
      expect(mail.body).toContain("http://qader.localhost:3000/admin/requests");
    }
    // Al-Hilah's officer gets Al-Hilah's mail, which never lists Qader's requests.
    const alhilah = await outbox("requestsDigest", alhilahId);
    expect(alhilah.map((m) => m.recipient)).toEqual([demoEmail("alhilah", "OFFICER")]);
    expect(alhilah[0].body).toContain(refs.alhilahOverdue);
    expect(alhilah[0].body).not.toContain(refs.soon);
    expect(alhilah[0].body).not.toContain(refs.overdue);
    const { nameAr } = await db.prisma.association.findUniqueOrThrow({ where: { id: alhilahId }, select: { nameAr: true } });
    expect(alhilah[0].subject).toContain(nameAr);
    expect(await db.prisma.jobRun.count({ where: { name: DIGEST_JOB, key: "2026-11-24" } })).toBe(1);
  });

  it("sends nothing on a second run the same Riyadh day, and again the next day", async () => {
    const before = await db.prisma.outboxMessage.count({ where: { template: "requestsDigest" } });
    expect((await runDigest(db.prisma, new Date(NOW.getTime() + 10 * 60 * 60 * 1000))).ran).toBe(false); // 18:00 Riyadh
    expect(await db.prisma.outboxMessage.count({ where: { template: "requestsDigest" } })).toBe(before);

    const tomorrow = await runDigest(db.prisma, new Date(NOW.getTime() + DAY_MS));
    expect(tomorrow).toMatchObject({ ran: true, key: "2026-11-25", emails: 3 });
    expect(await db.prisma.outboxMessage.count({ where: { template: "requestsDigest" } })).toBe(before + 3);
  });

  it("escalates each overdue request to the admins once, with one ESCALATED event", async () => {
    const first = await runEscalation(db.prisma, NOW);
    expect(first).toEqual({ escalated: 2, emails: 2 }); // one at each association, one admin each

    const qader = await outbox("requestOverdue", qaderId);
    expect(qader).toHaveLength(1);
    expect(qader[0].recipient).toBe(demoEmail("qader", "ADMIN"));
    expect(qader[0].subject).toContain(refs.overdue);
    expect(qader[0].body).toContain("قيد البحث الاجتماعي");
    const alhilah = await outbox("requestOverdue", alhilahId);
    expect(alhilah.map((m) => m.recipient)).toEqual([demoEmail("alhilah", "ADMIN")]);
    expect(alhilah[0].subject).toContain(refs.alhilahOverdue);
    expect(alhilah[0].body).not.toContain(refs.overdue);

    const request = await db.prisma.supportRequest.findUniqueOrThrow({
      where: { associationId_reference: { associationId: qaderId, reference: refs.overdue } },
      select: { id: true, escalatedAt: true, dueAt: true },
    });
    expect(request.escalatedAt).toEqual(NOW);
    const events = await db.prisma.requestEvent.findMany({ where: { associationId: qaderId, requestId: request.id, type: "ESCALATED" } });
    expect(events).toHaveLength(1);
    expect(events[0].data).toEqual({ overdueSince: request.dueAt.toISOString() });

    // A later run (the request still overdue) changes nothing.
    expect(await runEscalation(db.prisma, new Date(NOW.getTime() + DAY_MS))).toEqual({ escalated: 0, emails: 0 });
    expect(await db.prisma.outboxMessage.count({ where: { template: "requestOverdue" } })).toBe(2);
    expect(await db.prisma.requestEvent.count({ where: { type: "ESCALATED" } })).toBe(2);
  });

  it("escalates the due-soon request once it passes its due date", async () => {
    const later = new Date(NOW.getTime() + 3 * DAY_MS);
    expect(await runEscalation(db.prisma, later)).toEqual({ escalated: 1, emails: 1 });
    const last = (await outbox("requestOverdue", qaderId)).at(-1)!;
    expect(last.subject).toContain(refs.soon);
  });

  it("the in-process runner waits for 07:00 Riyadh and runs the digest once a day", async () => {
    const memory: TickState = { lastEscalation: null, digestDay: null };
    const day = new Date("2026-11-30T03:30:00Z"); // 06:30 Riyadh
    expect(await tick(db.prisma, day, memory)).toEqual({ escalated: true, digest: false });
    const at7 = new Date("2026-11-30T04:05:00Z"); // 07:05 Riyadh
    expect(await tick(db.prisma, at7, memory)).toEqual({ escalated: true, digest: true });
    expect(await tick(db.prisma, new Date(at7.getTime() + 60_000), memory)).toEqual({ escalated: false, digest: false });
    // After a restart (nothing remembered) the day's digest is found claimed and not sent again.
    const before = await db.prisma.outboxMessage.count({ where: { template: "requestsDigest" } });
    const restarted: TickState = { lastEscalation: at7.getTime(), digestDay: null };
    expect(await tick(db.prisma, new Date(at7.getTime() + 120_000), restarted)).toEqual({ escalated: false, digest: false });
    expect(restarted.digestDay).toBe("2026-11-30");
    expect(await db.prisma.outboxMessage.count({ where: { template: "requestsDigest" } })).toBe(before);
  });

  it("never schedules jobs inside jest or with JOBS=off", () => {
    expect(jobsEnabled()).toBe(false);
    expect(jobsEnabled({ JOBS: "off" })).toBe(false);
    expect(jobsEnabled({})).toBe(true);
  });
});

const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres("pg-boss on the test database", () => {
  it("processes a sent job in a worker (a real round trip)", async () => {
    if (db.target.kind !== "postgres") throw new Error("expected PostgreSQL");
    const boss = new PgBoss({ connectionString: db.target.url, schema: "pgboss", supervise: false, schedule: false });
    boss.on("error", (error) => {
      throw error;
    });
    await boss.start();
    try {
      await boss.createQueue("jobs-test");
      const received = new Promise<unknown>((resolve) => {
        void boss.work<{ hello: string }>("jobs-test", { pollingIntervalSeconds: 0.5 }, async ([job]) => resolve(job.data));
      });
      const id = await boss.send("jobs-test", { hello: "عالم" });
      expect(id).toEqual(expect.any(String));
      await expect(received).resolves.toEqual({ hello: "عالم" });
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  }, 30_000);

  it("the app's scheduler creates the four Riyadh-time schedules and its worker runs a sent job", async () => {
    if (db.target.kind !== "postgres") throw new Error("expected PostgreSQL");
    const running = await startPgBoss(db.target.url, async () => db.prisma);
    try {
      const schedules = await running.boss.getSchedules();
      expect(schedules.map((s) => [s.name, s.cron, s.options?.tz]).sort()).toEqual([
        [QUEUES.grace, "0 3 * * *", "Asia/Riyadh"],
        [QUEUES.retention, "0 2 * * *", "Asia/Riyadh"],
        [QUEUES.digest, "0 7 * * *", "Asia/Riyadh"],
        [QUEUES.escalate, "*/15 * * * *", "Asia/Riyadh"],
      ]);
      const id = await running.boss.send(QUEUES.escalate, {});
      let state: string | undefined;
      for (let i = 0; i < 100 && state !== "completed" && state !== "failed"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        state = (await running.boss.getJobById(QUEUES.escalate, id!))?.state;
      }
      expect(state).toBe("completed");
    } finally {
      await running.stop();
    }
  }, 30_000);
});

/** @jest-environment node */
import { recordAudit } from "@/lib/audit/record";
import { AUDIT_PAGE_SIZE, auditFilterSchema, distinctActions, listAuditEvents } from "@/lib/audit/repository";
import type { Database } from "@/lib/db/client";
import { engineName, freshDatabase } from "../../helpers/db";

let db: Database;
let qaderId: string;
let actorId: string;
beforeAll(async () => {
  db = await freshDatabase();
  qaderId = (await db.prisma.association.create({ data: { slug: "qader", nameAr: "قادر", nameEn: "Qader" } })).id;
  actorId = (await db.prisma.user.create({ data: { email: "actor@qader.test", name: "Actor" } })).id;
});
afterAll(() => db.close());

describe(`the audit log is append-only (${engineName()})`, () => {
  let eventId: string;
  beforeAll(async () => {
    await recordAudit(db.prisma, {
      associationId: qaderId,
      actorId,
      action: "member.invited",
      target: { type: "Invitation", id: "i1" },
      after: { email: "guest@example.com", token: "secret-token" },
      ip: "198.51.100.1",
    });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { targetId: "i1" } });
    eventId = event.id;
  });

  const unchanged = async () => {
    const event = await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect(event).toMatchObject({ action: "member.invited", actorId, associationId: qaderId, ip: "198.51.100.1" });
    expect(event.summary).toEqual({ before: null, after: { email: "g***@example.com", token: "[redacted]" } });
  };

  it("records the event, redacted", async () => {
    await unchanged();
  });

  it.each([
    [`UPDATE "AuditEvent" SET "action" = 'tampered'`],
    [`UPDATE "AuditEvent" SET "summary" = NULL WHERE "targetId" = 'i1'`],
    [`DELETE FROM "AuditEvent"`],
    [`DELETE FROM "AuditEvent" WHERE "targetId" = 'i1'`],
    [`TRUNCATE "AuditEvent"`],
  ])("rejects %s in the database", async (sql) => {
    await expect(db.prisma.$executeRawUnsafe(sql)).rejects.toThrow(/append-only/);
    await unchanged();
  });

  it("rejects changes through the client too", async () => {
    await expect(db.prisma.auditEvent.update({ where: { id: eventId }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await unchanged();
  });

  it("keeps an association with audit events from being deleted", async () => {
    await expect(db.prisma.association.delete({ where: { id: qaderId } })).rejects.toThrow();
    expect(await db.prisma.association.findUnique({ where: { id: qaderId } })).not.toBeNull();
    await unchanged();
  });

  it("still accepts new events after a refused change", async () => {
    const before = await db.prisma.auditEvent.count();
    await recordAudit(db.prisma, { associationId: qaderId, actorId: null, action: "auth.signed_in" });
    expect(await db.prisma.auditEvent.count()).toBe(before + 1);
  });

  it("cuts an over-long ip to its column", async () => {
    await recordAudit(db.prisma, { associationId: qaderId, actorId, action: "auth.signed_in", target: { type: "User", id: "long-ip" }, ip: "x".repeat(100) });
    expect((await db.prisma.auditEvent.findFirstOrThrow({ where: { targetId: "long-ip" } })).ip).toBe("x".repeat(64));
  });
});

describe(`listAuditEvents (${engineName()})`, () => {
  // Riyadh is UTC+3: 2026-03-10 runs from 2026-03-09T21:00Z to 2026-03-10T21:00Z.
  const at = (iso: string) => new Date(iso);
  let associationId: string;
  let otherId: string;

  beforeAll(async () => {
    associationId = (await db.prisma.association.create({ data: { slug: "listing", nameAr: "قائمة", nameEn: "Listing" } })).id;
    otherId = (await db.prisma.association.create({ data: { slug: "other", nameAr: "أخرى", nameEn: "Other" } })).id;
    const rows = [
      { action: "member.invited", createdAt: at("2026-03-09T20:59:59.999Z"), targetId: "before-day" }, // 09 Mar, 23:59 Riyadh
      { action: "member.invited", createdAt: at("2026-03-09T21:00:00.000Z"), targetId: "day-start" }, // 10 Mar, 00:00 Riyadh
      { action: "member.removed", createdAt: at("2026-03-10T12:00:00.000Z"), targetId: "midday" },
      { action: "member.invited", createdAt: at("2026-03-10T20:59:59.999Z"), targetId: "day-end" }, // 10 Mar, 23:59 Riyadh
      { action: "member.invited", createdAt: at("2026-03-10T21:00:00.000Z"), targetId: "after-day" }, // 11 Mar, 00:00 Riyadh
    ];
    for (const row of rows) await db.prisma.auditEvent.create({ data: { associationId, actorId, targetType: "X", ...row } });
    // Another association's events on the same day, with the same actions.
    for (const row of rows) await db.prisma.auditEvent.create({ data: { associationId: otherId, ...row, targetId: `other-${row.targetId}` } });
    // A platform event (no association).
    await db.prisma.auditEvent.create({ data: { associationId: null, action: "member.invited", createdAt: at("2026-03-10T12:00:00Z"), targetId: "platform" } });
  });

  const targets = async (filter: Parameters<typeof listAuditEvents>[2], take?: number) =>
    (await listAuditEvents(db.prisma, associationId, filter, take)).events.map((e) => e.targetId);

  it("lists the association's events, newest first, with their actor", async () => {
    const { events, nextCursor } = await listAuditEvents(db.prisma, associationId, {});
    expect(events.map((e) => e.targetId)).toEqual(["after-day", "day-end", "midday", "day-start", "before-day"]);
    expect(events[0]!.actor).toEqual({ id: actorId, name: "Actor", email: "actor@qader.test" });
    expect(nextCursor).toBeNull();
  });

  it("never returns another association's events or platform events", async () => {
    const { events } = await listAuditEvents(db.prisma, associationId, {}, 1000);
    expect(events.every((e) => e.associationId === associationId)).toBe(true);
    expect(events.map((e) => e.targetId)).not.toContain("platform");
    const other = await listAuditEvents(db.prisma, otherId, {}, 1000);
    expect(other.events.map((e) => e.targetId).every((id) => id!.startsWith("other-"))).toBe(true);
    expect(other.events[0]!.actor).toBeNull();
  });

  it("returns only its own events when handed another association's cursor", async () => {
    const foreign = await db.prisma.auditEvent.findFirstOrThrow({ where: { associationId: otherId, targetId: "other-day-end" } });
    const { events } = await listAuditEvents(db.prisma, associationId, { cursor: foreign.id });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.associationId === associationId)).toBe(true);
  });

  it("filters by action", async () => {
    expect(await targets({ action: "member.removed" })).toEqual(["midday"]);
    expect(await targets({ action: "member.invited" })).toEqual(["after-day", "day-end", "day-start", "before-day"]);
    expect(await targets({ action: "auth.signed_in" })).toEqual([]);
  });

  it("filters by whole days in Riyadh time", async () => {
    expect(await targets({ from: "2026-03-10", to: "2026-03-10" })).toEqual(["day-end", "midday", "day-start"]);
    expect(await targets({ from: "2026-03-10" })).toEqual(["after-day", "day-end", "midday", "day-start"]);
    expect(await targets({ to: "2026-03-09" })).toEqual(["before-day"]);
    expect(await targets({ from: "2026-03-11" })).toEqual(["after-day"]);
    expect(await targets({ from: "2026-03-10", to: "2026-03-10", action: "member.invited" })).toEqual(["day-end", "day-start"]);
  });

  it("pages by cursor without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditEvents(db.prisma, associationId, { cursor }, 2);
      expect(page.events.length).toBeLessThanOrEqual(2);
      seen.push(...page.events.map((e) => e.targetId!));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(["after-day", "day-end", "midday", "day-start", "before-day"]);
  });

  it("pages a filtered list", async () => {
    const first = await listAuditEvents(db.prisma, associationId, { action: "member.invited" }, 3);
    expect(first.events.map((e) => e.targetId)).toEqual(["after-day", "day-end", "day-start"]);
    const second = await listAuditEvents(db.prisma, associationId, { action: "member.invited", cursor: first.nextCursor! }, 3);
    expect(second.events.map((e) => e.targetId)).toEqual(["before-day"]);
    expect(second.nextCursor).toBeNull();
  });

  it("pages events that share a timestamp", async () => {
    const sameTime = (await db.prisma.association.create({ data: { slug: "same-time", nameAr: "وقت", nameEn: "Same" } })).id;
    const createdAt = at("2026-04-01T10:00:00Z");
    for (let i = 0; i < 7; i++) await db.prisma.auditEvent.create({ data: { associationId: sameTime, action: "auth.signed_in", createdAt, targetId: `s${i}` } });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listAuditEvents(db.prisma, sameTime, { cursor }, 3);
      seen.push(...page.events.map((e) => e.targetId!));
      cursor = page.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect(seen.sort()).toEqual(["s0", "s1", "s2", "s3", "s4", "s5", "s6"]);
  });

  it("uses a page of AUDIT_PAGE_SIZE by default", async () => {
    const many = (await db.prisma.association.create({ data: { slug: "many", nameAr: "كثير", nameEn: "Many" } })).id;
    await db.prisma.auditEvent.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE + 1 }, (_, i) => ({ associationId: many, action: "auth.signed_in", targetId: `n${i}` })),
    });
    const page = await listAuditEvents(db.prisma, many, {});
    expect(page.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(page.nextCursor).toBe(page.events[AUDIT_PAGE_SIZE - 1]!.id);
  });

  it("ignores malformed filters instead of failing", () => {
    expect(auditFilterSchema.parse({ action: "DROP TABLE", from: "yesterday", to: "2026-13-45", cursor: "nope" })).toEqual({
      action: undefined,
      from: undefined,
      to: undefined,
      cursor: undefined,
    });
    expect(auditFilterSchema.parse({ action: "member.invited", from: "2026-03-10" })).toEqual({ action: "member.invited", from: "2026-03-10" });
  });

  it("lists the distinct actions of one association only", async () => {
    await db.prisma.auditEvent.create({ data: { associationId: otherId, action: "association.domain_added" } });
    expect(await distinctActions(db.prisma, associationId)).toEqual(["member.invited", "member.removed"]);
  });
});

/** @jest-environment node */
import nodemailer from "nodemailer";
import type { Database } from "@/lib/db/client";
import { deliverDue, MAX_ATTEMPTS } from "@/lib/notify/deliver";
import { enqueueEmail, enqueueSms, listOutbox } from "@/lib/notify/outbox";
import type { OutgoingEmail, Transports } from "@/lib/notify/transports";
import { engineName, freshDatabase } from "../../helpers/db";

let db: Database;
let qaderId: string;
let alhilahId: string;
beforeAll(async () => {
  db = await freshDatabase();
  qaderId = (await db.prisma.association.create({ data: { slug: "qader", nameAr: "قادر", nameEn: "Qader" } })).id;
  alhilahId = (await db.prisma.association.create({ data: { slug: "alhilah", nameAr: "الحلة", nameEn: "Al-Hilah" } })).id;
});
afterAll(() => db.close());
beforeEach(() => db.prisma.outboxMessage.deleteMany({}));

/** nodemailer's JSON transport: builds the real message, sends nothing; we keep what it built. */
function jsonEmail() {
  const transporter = nodemailer.createTransport({ jsonTransport: true });
  const sent: { to: string; subject: string; text: string; from: string }[] = [];
  const email: Transports["email"] = async (message: OutgoingEmail) => {
    const info = await transporter.sendMail({ from: "no-reply@alaqa.test", ...message });
    const built = JSON.parse(info.message as unknown as string);
    sent.push({ to: built.to[0].address, subject: built.subject, text: built.text, from: built.from.address });
  };
  return { email, sent };
}

const invitation = (associationId: string | null, to: string) =>
  enqueueEmail(db.prisma, {
    associationId,
    to,
    template: "invitation",
    locale: "en",
    values: { association: "Qader", link: "http://qader.localhost:3000/en/invite/abc" },
  });

const message = (id: string) => db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } });

describe(`deliverDue (${engineName()})`, () => {
  it("sends due e-mails through the transport and marks them SENT", async () => {
    const { id } = await invitation(qaderId, "sara@example.com");
    const second = await invitation(alhilahId, "omar@example.com");
    const { email, sent } = jsonEmail();
    const started = Date.now();

    expect(await deliverDue(db.prisma, { email })).toEqual({ sent: 2, failed: 0 });

    expect(sent.map((m) => m.to).sort()).toEqual(["omar@example.com", "sara@example.com"]);
    const sara = sent.find((m) => m.to === "sara@example.com")!;
    expect(sara.subject).toBe("Invitation to join Qader");
    expect(sara.text).toContain("http://qader.localhost:3000/en/invite/abc");
    for (const messageId of [id, second.id]) {
      const row = await message(messageId);
      expect(row.status).toBe("SENT");
      expect(row.attempts).toBe(1);
      expect(row.lastError).toBeNull();
      expect(row.sentAt!.getTime()).toBeGreaterThanOrEqual(started - 1000);
    }
    // Nothing left to send.
    expect(await deliverDue(db.prisma, { email })).toEqual({ sent: 0, failed: 0 });
    expect(sent).toHaveLength(2);
  });

  it("sends SMS through the SMS transport only", async () => {
    const sms = await enqueueSms(db.prisma, { associationId: qaderId, to: "+966500000001", template: "requestReceived", locale: "en", values: { association: "Qader", reference: "1448-00001", due: "2026-12-24", link: "http://qader.localhost/track" } });
    const mail = await invitation(qaderId, "sara@example.com");
    const texts: { to: string; text: string }[] = [];
    expect(await deliverDue(db.prisma, { sms: async (m) => void texts.push(m) })).toEqual({ sent: 1, failed: 0 });
    expect(texts).toEqual([{ to: "+966500000001", text: "Qader: your request 1448-00001 was received. Answer due by 2026-12-24. Follow it: http://qader.localhost/track" }]);
    expect((await message(sms.id)).status).toBe("SENT");
    expect(await message(mail.id)).toMatchObject({ status: "QUEUED", attempts: 0 });
  });

  it("leaves e-mails QUEUED, untouched, when no mail transport is configured", async () => {
    const { id } = await invitation(qaderId, "sara@example.com");
    const before = await message(id);
    expect(await deliverDue(db.prisma, {})).toEqual({ sent: 0, failed: 0 });
    expect(await deliverDue(db.prisma, { sms: async () => {} })).toEqual({ sent: 0, failed: 0 });
    expect(await message(id)).toEqual(before);
  });

  it("retries a failure later with backoff, and gives up after MAX_ATTEMPTS", async () => {
    const { id } = await invitation(qaderId, "sara@example.com");
    const failing: Transports = {
      email: async () => {
        throw new Error("connect ECONNREFUSED 127.0.0.1:25");
      },
    };
    let now = new Date(Date.now() + 1000);
    expect(await deliverDue(db.prisma, failing, { now })).toEqual({ sent: 0, failed: 1 });
    let row = await message(id);
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1, lastError: "connect ECONNREFUSED 127.0.0.1:25", sentAt: null });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());

    // Not due again before its backoff has passed.
    expect(await deliverDue(db.prisma, failing, { now: new Date(now.getTime() + 1000) })).toEqual({ sent: 0, failed: 0 });
    expect((await message(id)).attempts).toBe(1);

    let previousWait = row.nextAttemptAt.getTime() - now.getTime();
    for (let attempt = 2; attempt < MAX_ATTEMPTS; attempt++) {
      now = new Date(row.nextAttemptAt.getTime() + 1);
      expect(await deliverDue(db.prisma, failing, { now })).toEqual({ sent: 0, failed: 1 });
      row = await message(id);
      expect(row).toMatchObject({ status: "QUEUED", attempts: attempt });
      const wait = row.nextAttemptAt.getTime() - now.getTime();
      expect(wait).toBeGreaterThan(previousWait); // backs off
      previousWait = wait;
    }

    now = new Date(row.nextAttemptAt.getTime() + 1);
    expect(await deliverDue(db.prisma, failing, { now })).toEqual({ sent: 0, failed: 1 });
    expect(await message(id)).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, sentAt: null });

    // A failed message is never picked up again, even by a working transport.
    const { email, sent } = jsonEmail();
    expect(await deliverDue(db.prisma, { email }, { now: new Date(now.getTime() + 24 * 3600_000) })).toEqual({ sent: 0, failed: 0 });
    expect(sent).toEqual([]);
  });

  it("delivers a message that failed once when the transport recovers", async () => {
    const { id } = await invitation(qaderId, "sara@example.com");
    const now = new Date(Date.now() + 1000);
    await deliverDue(db.prisma, { email: async () => Promise.reject("plain string error") }, { now });
    expect(await message(id)).toMatchObject({ status: "QUEUED", attempts: 1, lastError: "plain string error" });
    const { email, sent } = jsonEmail();
    expect(await deliverDue(db.prisma, { email }, { now: new Date(now.getTime() + 3600_000) })).toEqual({ sent: 1, failed: 0 });
    expect(await message(id)).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(sent).toHaveLength(1);
  });

  it("sends at most `limit` per round", async () => {
    for (let i = 0; i < 5; i++) await invitation(qaderId, `person${i}@example.com`);
    const { email, sent } = jsonEmail();
    expect(await deliverDue(db.prisma, { email }, { limit: 2 })).toEqual({ sent: 2, failed: 0 });
    expect(await db.prisma.outboxMessage.count({ where: { status: "QUEUED" } })).toBe(3);
    expect(sent).toHaveLength(2);
  });

  it("never sends a message twice when several workers run at once", async () => {
    const expected: string[] = [];
    for (let i = 0; i < 40; i++) {
      await invitation(qaderId, `person${i}@example.com`);
      expected.push(`person${i}@example.com`);
    }
    const { email, sent } = jsonEmail();
    for (let round = 0; round < 10; round++) {
      await Promise.all([1, 2, 3, 4].map(() => deliverDue(db.prisma, { email }, { limit: 3 })));
    }
    expect(sent.map((m) => m.to).sort()).toEqual(expected.sort());
    expect(await db.prisma.outboxMessage.count({ where: { status: "SENT", attempts: 1 } })).toBe(40);
  });
});

describe(`listOutbox (${engineName()})`, () => {
  it("returns one association's messages only, or all of them for operators", async () => {
    await invitation(qaderId, "q1@example.com");
    await invitation(qaderId, "q2@example.com");
    await invitation(alhilahId, "h1@example.com");
    await invitation(null, "platform@example.com");

    const qader = await listOutbox(db.prisma, { associationId: qaderId });
    expect(qader.map((m) => m.recipient).sort()).toEqual(["q1@example.com", "q2@example.com"]);
    expect(qader.every((m) => m.associationId === qaderId && m.association?.slug === "qader")).toBe(true);

    const alhilah = await listOutbox(db.prisma, { associationId: alhilahId });
    expect(alhilah.map((m) => m.recipient)).toEqual(["h1@example.com"]);

    const all = await listOutbox(db.prisma, { all: true });
    expect(all.map((m) => m.recipient).sort()).toEqual(["h1@example.com", "platform@example.com", "q1@example.com", "q2@example.com"]);
  });

  it("lists newest first, up to `take`", async () => {
    for (let i = 0; i < 3; i++) {
      await db.prisma.outboxMessage.create({
        data: { associationId: qaderId, channel: "EMAIL", recipient: `n${i}@example.com`, template: "invitation", body: "b", createdAt: new Date(Date.UTC(2026, 0, 1 + i)) },
      });
    }
    expect((await listOutbox(db.prisma, { associationId: qaderId }, 2)).map((m) => m.recipient)).toEqual(["n2@example.com", "n1@example.com"]);
  });
});

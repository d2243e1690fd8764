import type { RequestStatus } from "./generated/enums";
import type { Db } from "./client";
import { demoEmail } from "./seed";
import { intakeSchema } from "../requests/intake-schema";
import { getPublishedPolicy } from "../policy/service";
import { withCheckDigit } from "../requests/identity";
import { submitRequest } from "../requests/intake";

// Demo requests for the demo associations, so that a fresh start shows a working service: one
// waiting, one with the researcher, one before the committee, one overdue, one rejected, one
// delivered and one registered, waiting for its delivery. They are received through the real intake service (dates in the past, so their
// due dates come from the policy) and then moved on directly, with their timeline events.
// Skipped where the association already has requests.

const DAY = 24 * 60 * 60 * 1000;

type Demo = {
  name: string;
  daysAgo: number;
  status: RequestStatus;
  /** Days after submission the committee decided (ACCEPTED, REJECTED and later). */
  decidedAfter?: number;
  reason?: string;
};

const DEMOS: Demo[] = [
  { name: "سارة محمد العنزي", daysAgo: 1, status: "RECEIVED" },
  { name: "خالد عبدالله الشمري", daysAgo: 6, status: "IN_RESEARCH" },
  { name: "نورة سعد البلوي", daysAgo: 11, status: "IN_COMMITTEE" },
  { name: "فهد سالم العطوي", daysAgo: 45, status: "IN_RESEARCH" },
  { name: "منى علي الحربي", daysAgo: 40, status: "REJECTED", decidedAfter: 12, reason: "الدخل الشهري للأسرة يتجاوز حد الاستحقاق في لائحة الدعم." },
  { name: "عبدالرحمن حمد القحطاني", daysAgo: 30, status: "DELIVERED", decidedAfter: 9, reason: "استوفى شروط الاستحقاق." },
  { name: "هند ناصر السبيعي", daysAgo: 20, status: "REGISTERED", decidedAfter: 8, reason: "استوفت الأسرة شروط الاستحقاق." },
];

const ORDER: RequestStatus[] = ["RECEIVED", "IN_RESEARCH", "IN_COMMITTEE", "ACCEPTED", "REGISTERED", "DELIVERED"];

/** A valid national ID for demo person n, unlike any real series. */
const demoId = (n: number) => withCheckDigit(`19999${String(n).padStart(4, "0")}`);

export async function seedDemoRequests(db: Db, slugs: readonly string[], now = new Date()) {
  for (const [a, slug] of slugs.entries()) {
    const association = await db.association.findUnique({ where: { slug }, select: { id: true, slug: true, nameAr: true, nameEn: true } });
    if (!association || (await db.supportRequest.count({ where: { associationId: association.id } })) > 0) continue;
    const staff = (role: string) => db.user.findUnique({ where: { email: demoEmail(slug, role as never) }, select: { id: true } });
    const officer = await staff("OFFICER");
    const researcher = await staff("RESEARCHER");
    const committee = await staff("COMMITTEE");
    const channels = (await getPublishedPolicy(db, association.id))?.content.channels.map((c) => c.key) ?? [];
    const supportTypes = await db.supportType.findMany({ where: { associationId: association.id, active: true }, orderBy: { sortOrder: "asc" } });
    if (!officer || !researcher || !committee || channels.length === 0 || supportTypes.length === 0) continue;

    for (const [i, demo] of DEMOS.entries()) {
      const submittedAt = new Date(now.getTime() - demo.daysAgo * DAY);
      await db.$transaction(async (tx) => {
        const input = intakeSchema.parse({
          applicantName: demo.name,
          idType: "NATIONAL_ID",
          idNumber: demoId(a * 100 + i),
          phone: `0559${String(a * 100 + i).padStart(6, "0")}`,
          city: "تبوك",
          householdSize: String(3 + i),
          supportTypeKey: supportTypes[i % supportTypes.length].key,
          description: "طلب تجريبي لعرض المنصة: تفاصيل الحالة كما رواها المستفيد لمسؤول علاقات المستفيدين.",
          channelKey: channels[i % channels.length],
          privacyConsent: "on",
          healthConsent: "on",
          accuracyDeclaration: "on",
        });
        const result = await submitRequest(tx, association, input, { enteredById: officer.id, now: submittedAt, locale: "ar" });
        if (!result.created) return;
        await advance(tx, association.id, result.id, demo, submittedAt, { officer: officer.id, researcher: researcher.id, committee: committee.id });
      });
    }
  }
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function advance(tx: Tx, associationId: string, requestId: string, demo: Demo, submittedAt: Date, who: { officer: string; researcher: string; committee: string }) {
  const at = (days: number) => new Date(submittedAt.getTime() + days * DAY);
  const event = (type: string, actorId: string, createdAt: Date, data: object = {}) =>
    tx.requestEvent.create({ data: { associationId, requestId, type, actorId, createdAt, data } });
  // A rejected request went as far as the committee.
  const last = ORDER.indexOf(demo.status === "REJECTED" ? "IN_COMMITTEE" : demo.status);
  const reached = (status: RequestStatus) => ORDER.indexOf(status) <= last;

  const data: Record<string, unknown> = { assigneeId: who.officer };
  if (reached("IN_RESEARCH")) {
    data.researcherId = who.researcher;
    await event("REFERRED_TO_RESEARCH", who.officer, at(1), { researcherId: who.researcher });
    await event("RESEARCH_NOTE", who.researcher, at(2), { text: "تواصلت مع المستفيد وحددت موعد الزيارة الميدانية." });
  }
  if (reached("IN_COMMITTEE")) await event("SENT_TO_COMMITTEE", who.researcher, at(4));
  if (demo.decidedAfter) {
    const decision = demo.status === "REJECTED" ? "REJECT" : "ACCEPT";
    await tx.committeeVote.create({ data: { associationId, requestId, userId: who.committee, choice: decision, reason: demo.reason, createdAt: at(demo.decidedAfter) } });
    await event("COMMITTEE_VOTE", who.committee, at(demo.decidedAfter), { choice: decision, reason: demo.reason });
    await event("DECIDED", who.committee, at(demo.decidedAfter), { decision, reason: demo.reason });
    Object.assign(data, { decision, decisionReason: demo.reason, decidedAt: at(demo.decidedAfter) });
  }
  if (reached("REGISTERED")) {
    data.registeredAt = at((demo.decidedAfter ?? 0) + 2);
    await event("REGISTERED", who.officer, data.registeredAt as Date);
  }
  if (reached("DELIVERED")) {
    data.deliveredAt = at((demo.decidedAfter ?? 0) + 5);
    await event("DELIVERED", who.officer, data.deliveredAt as Date);
    await tx.requestStep.updateMany({ where: { associationId, requestId }, data: { doneAt: data.deliveredAt as Date, doneById: who.officer } });
  }
  await tx.supportRequest.update({ where: { associationId_id: { associationId, id: requestId } }, data: { status: demo.status, ...data } });
}

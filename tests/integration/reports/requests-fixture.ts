import type { Db } from "@/lib/db/client";
import type { RequestStatus } from "@/lib/db/generated/enums";
import { computeDueAt } from "@/lib/requests/due-date";
import { nextReference } from "@/lib/requests/reference";

// Requests written straight through Prisma for the jobs and reports tests: the intake service
// is another helper's; these tests only need rows shaped as intake writes them.

export const DAY_MS = 24 * 60 * 60 * 1000;
const FOURTEEN_DAYS = { amount: 14, unit: "DAYS", calendar: "GREGORIAN", businessDays: false } as const;

async function publishedVersionId(db: Db, associationId: string) {
  return (await db.policyVersion.findFirstOrThrow({ where: { associationId, status: "PUBLISHED" }, select: { id: true } })).id;
}

let serial = 0;

export async function addRequest(
  db: Db,
  associationId: string,
  options: { submittedAt: Date; status?: RequestStatus; decidedAt?: Date; channelKey?: string; policyVersionId?: string },
) {
  const policyVersionId = options.policyVersionId ?? (await publishedVersionId(db, associationId));
  const reference = await nextReference(db, associationId, "R", options.submittedAt);
  serial++;
  return db.supportRequest.create({
    data: {
      associationId,
      reference,
      policyVersionId,
      channelKey: options.channelKey ?? "PHONE",
      supportTypeKey: "FOOD",
      applicantName: `مستفيد ${serial}`,
      idType: "OTHER",
      idNumber: `X${serial}`,
      phone: "+966500000000",
      city: "الرياض",
      householdSize: 3,
      description: "طلب تجريبي",
      status: options.status ?? "RECEIVED",
      submittedAt: options.submittedAt,
      dueAt: computeDueAt(options.submittedAt, FOURTEEN_DAYS),
      privacyNoticeVersion: 1,
      accuracyDeclaredAt: options.submittedAt,
      decidedAt: options.decidedAt ?? null,
      decision: options.decidedAt ? (options.status === "REJECTED" ? "REJECT" : "ACCEPT") : null,
    },
    select: { id: true, reference: true, dueAt: true },
  });
}

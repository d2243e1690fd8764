import type { Db } from "@/lib/db/client";
import type { IdType, RequestStatus } from "@/lib/db/generated/enums";
import { policyRepository } from "@/lib/policy/repository";
import type { PolicyContent } from "@/lib/policy/schema";
import { computeDueAt } from "@/lib/requests/due-date";
import { nextReference } from "@/lib/requests/reference";

// A request as intake would leave it, written straight through Prisma (the handling tests do
// not depend on the intake form): the published policy's channel, steps and due date.

export type RequestFixture = {
  name?: string;
  idType?: IdType;
  idNumber?: string;
  phone?: string;
  email?: string | null;
  channelKey?: string;
  submittedAt?: Date;
  /** Overrides the due date computed from the policy (e.g. to make it overdue). */
  dueAt?: Date;
  status?: RequestStatus;
};

let serial = 0;

export async function createRequest(db: Db, associationId: string, options: RequestFixture = {}) {
  const version = await policyRepository(db).findPublished(associationId);
  if (!version) throw new Error("no published policy");
  const content = version.content as PolicyContent;
  const submittedAt = options.submittedAt ?? new Date();
  serial++;
  return db.$transaction(async (tx) => {
    const reference = await nextReference(tx, associationId, "R", submittedAt);
    const request = await tx.supportRequest.create({
      data: {
        associationId,
        reference,
        policyVersionId: version.id,
        channelKey: options.channelKey ?? content.channels[0].key,
        supportTypeKey: "FOOD",
        applicantName: options.name ?? `مستفيد ${serial}`,
        idType: options.idType ?? "NATIONAL_ID",
        idNumber: options.idNumber ?? String(1_000_000_000 + serial),
        phone: options.phone ?? `+9665${String(10_000_000 + serial).padStart(8, "0")}`,
        email: options.email === undefined ? null : options.email,
        city: "الرياض",
        householdSize: 4,
        description: "يحتاج إلى سلة غذائية",
        status: options.status ?? "RECEIVED",
        submittedAt,
        dueAt: options.dueAt ?? computeDueAt(submittedAt, content.responseDeadline),
        privacyNoticeVersion: 1,
        healthConsent: true,
        accuracyDeclaredAt: submittedAt,
      },
    });
    await tx.requestStep.createMany({
      data: content.procedure.steps.map((step, position) => ({
        associationId,
        requestId: request.id,
        position,
        key: step.key ?? null,
        textAr: step.text.ar,
        textEn: step.text.en ?? null,
      })),
    });
    await tx.requestEvent.create({ data: { associationId, requestId: request.id, type: "SUBMITTED", data: { channelKey: request.channelKey } } });
    return request;
  });
}

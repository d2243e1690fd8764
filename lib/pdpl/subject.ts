import type { DbClient } from "../db/types";
import { OPEN_STATUSES } from "../requests/status";

// Who a data-subject request is about, and everything the association holds about them.
// A person is found by ID number, mobile or one of their request references; a match by mobile
// or reference then brings in every request with the same ID number (the ID is the person).
// Anonymised rows are never matched: their placeholders would match each other.

export type SubjectKeys = { idNumber?: string | null; phone?: string | null; reference?: string | null };

type Found = { ids: string[]; references: string[]; phones: string[]; emails: string[]; open: number };

export async function findSubject(db: DbClient, associationId: string, keys: SubjectKeys): Promise<Found> {
  const or = [
    keys.idNumber ? { idNumber: keys.idNumber } : null,
    keys.phone ? { phone: keys.phone } : null,
    keys.reference ? { reference: keys.reference } : null,
  ].filter((x) => x !== null);
  if (or.length === 0) return { ids: [], references: [], phones: [], emails: [], open: 0 };
  const select = { id: true, reference: true, idNumber: true, phone: true, email: true, status: true } as const;
  const direct = await db.supportRequest.findMany({ where: { associationId, anonymisedAt: null, OR: or }, select });
  const idNumbers = [...new Set(direct.map((r) => r.idNumber))];
  const byId = idNumbers.length
    ? await db.supportRequest.findMany({ where: { associationId, anonymisedAt: null, idNumber: { in: idNumbers } }, select })
    : [];
  const rows = [...new Map([...direct, ...byId].map((r) => [r.id, r])).values()];
  const unique = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];
  return {
    ids: rows.map((r) => r.id),
    references: rows.map((r) => r.reference),
    phones: unique([keys.phone, ...rows.map((r) => r.phone)]),
    emails: unique(rows.map((r) => r.email)),
    open: rows.filter((r) => (OPEN_STATUSES as readonly string[]).includes(r.status)).length,
  };
}

/** Complaints the person sent: from their mobile or e-mail, or about one of their requests. */
export async function subjectComplaintIds(db: DbClient, associationId: string, found: Found): Promise<string[]> {
  const or = [
    found.phones.length ? { phone: { in: found.phones } } : null,
    found.emails.length ? { email: { in: found.emails } } : null,
    found.references.length ? { requestReference: { in: found.references } } : null,
  ].filter((x) => x !== null);
  if (or.length === 0) return [];
  const rows = await db.complaint.findMany({ where: { associationId, anonymisedAt: null, OR: or }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Everything held about the person, as plain JSON (the readable page and the download). Tracking
 * codes appear by count only: their hashes are secrets, not the person's data. */
export async function subjectExport(db: DbClient, associationId: string, keys: SubjectKeys) {
  const found = await findSubject(db, associationId, keys);
  const complaintIds = await subjectComplaintIds(db, associationId, found);
  const [requests, notices, complaints, messages] = await Promise.all([
    db.supportRequest.findMany({
      where: { associationId, id: { in: found.ids } },
      orderBy: { submittedAt: "asc" },
      include: {
        steps: { where: { associationId }, orderBy: { position: "asc" }, select: { position: true, textAr: true, textEn: true, doneAt: true } },
        events: { where: { associationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { type: true, data: true, createdAt: true } },
        committeeVotes: { where: { associationId }, orderBy: { createdAt: "asc" }, select: { choice: true, reason: true, createdAt: true } },
        trackingCodes: { where: { associationId }, select: { createdAt: true } },
        surveyInvitations: { where: { associationId }, select: { createdAt: true, usedAt: true } },
        surveyLinks: {
          where: { associationId },
          select: { consentedAt: true, response: { select: { month: true, answers: true, survey: { select: { titleAr: true, titleEn: true } } } } },
        },
      },
    }),
    db.privacyNotice.findMany({ where: { associationId }, select: { version: true, createdAt: true } }),
    db.complaint.findMany({
      where: { associationId, id: { in: complaintIds } },
      orderBy: { createdAt: "asc" },
      include: { replies: { where: { associationId }, orderBy: { createdAt: "asc" }, select: { body: true, createdAt: true } } },
    }),
    found.phones.length + found.emails.length
      ? db.outboxMessage.findMany({
          where: { associationId, recipient: { in: [...found.phones, ...found.emails] } },
          orderBy: { createdAt: "asc" },
          select: { channel: true, template: true, status: true, createdAt: true, sentAt: true },
        })
      : [],
  ]);
  const noticeDate = new Map(notices.map((n) => [n.version, n.createdAt]));
  return {
    found: { requestIds: found.ids, complaintIds, open: found.open },
    data: {
      requests: requests.map(({ steps, events, committeeVotes, trackingCodes, surveyInvitations, surveyLinks, ...r }) => ({
        reference: r.reference,
        status: r.status,
        channelKey: r.channelKey,
        supportTypeKey: r.supportTypeKey,
        applicantName: r.applicantName,
        idType: r.idType,
        idNumber: r.idNumber,
        phone: r.phone,
        email: r.email,
        city: r.city,
        householdSize: r.householdSize,
        description: r.description,
        locale: r.locale,
        submittedAt: r.submittedAt,
        dueAt: r.dueAt,
        decision: r.decision,
        decisionReason: r.decisionReason,
        decidedAt: r.decidedAt,
        registeredAt: r.registeredAt,
        deliveredAt: r.deliveredAt,
        consents: {
          privacyNoticeVersion: r.privacyNoticeVersion,
          privacyNoticeDate: noticeDate.get(r.privacyNoticeVersion) ?? null,
          healthConsent: r.healthConsent,
          accuracyDeclaredAt: r.accuracyDeclaredAt,
        },
        steps,
        events,
        committeeVotes,
        trackingCodes: { count: trackingCodes.length },
        surveyInvitations,
        surveyResponses: surveyLinks.map((l) => ({ survey: l.response.survey.titleEn ?? l.response.survey.titleAr, month: l.response.month, answers: l.response.answers, consentedAt: l.consentedAt })),
      })),
      complaints: complaints.map((c) => ({
        reference: c.reference,
        kind: c.kind,
        status: c.status,
        name: c.name,
        phone: c.phone,
        email: c.email,
        body: c.body,
        requestReference: c.requestReference,
        createdAt: c.createdAt,
        closedAt: c.closedAt,
        replies: c.replies,
      })),
      messages,
    },
  };
}

export type SubjectExport = Awaited<ReturnType<typeof subjectExport>>;

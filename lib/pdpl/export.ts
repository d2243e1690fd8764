import { z } from "zod";
import { recordAudit } from "../audit/record";
import type { DbClient } from "../db/types";
import { AppError } from "../errors";
import { findEntry } from "./service";
import { subjectExport } from "./subject";

// An export always starts from a logged data-subject request: the person's ID never travels in
// a URL, and each export (the readable page or the JSON file) leaves an audit event naming the
// entry and the rows shown, never their content.

export const entryIdSchema = z.uuid();

export async function exportForEntry(
  db: DbClient,
  associationId: string,
  rawId: string,
  by: { actorId: string; ip: string | null; format: "page" | "json" },
) {
  const id = entryIdSchema.safeParse(rawId);
  if (!id.success) throw new AppError("NOT_FOUND");
  const entry = await findEntry(db, associationId, id.data);
  const exported = await subjectExport(db, associationId, { idNumber: entry.subjectIdNumber, phone: entry.subjectPhone, reference: entry.subjectReference });
  await recordAudit(db, {
    associationId,
    actorId: by.actorId,
    action: "pdpl.export",
    target: { type: "DataSubjectRequest", id: entry.id },
    after: { format: by.format, requestIds: exported.found.requestIds, complaintIds: exported.found.complaintIds },
    ip: by.ip,
  });
  return { entry, ...exported };
}

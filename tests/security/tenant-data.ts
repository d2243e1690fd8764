import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "./http";

// What association B holds, read from the database: its objects' ids (to ask for them from
// A's site), strings only B has (to look for in A's answers), and a fingerprint of all its rows
// (to prove nothing of B changed).

export type TenantObjects = {
  associationId: string;
  requestIds: string[];
  references: string[];
  complaintIds: string[];
  complaintReferences: string[];
  versionIds: string[];
  versionNumbers: number[];
  surveyIds: string[];
  userIds: string[];
  invitationIds: string[];
  supportTypeKeys: string[];
  auditIds: string[];
  outboxIds: string[];
  dataRequestIds: string[];
  /** Raw tokens of invitation, reset and survey links, read from B's outbox. */
  tokens: string[];
};

const column = async (sql: string, params: unknown[]) => (await db().query(sql, params)).rows.map((row) => Object.values(row)[0]);

export async function objectsOf(slug: string): Promise<TenantObjects> {
  const id = (await db().query(`SELECT id FROM "Association" WHERE slug = $1`, [slug])).rows[0].id as string;
  const of = (table: string, field = "id") => column(`SELECT "${field}" FROM "${table}" WHERE "associationId" = $1 ORDER BY 1 LIMIT 3`, [id]);
  // References and numbers restart at 1 in each association: only B's own are B's objects.
  const ownOnly = (table: string) =>
    column(`SELECT reference FROM "${table}" b WHERE "associationId" = $1 AND NOT EXISTS (SELECT 1 FROM "${table}" a WHERE a.reference = b.reference AND a."associationId" <> $1) ORDER BY 1 DESC LIMIT 2`, [id]);
  const bodies = (await column(`SELECT body FROM "OutboxMessage" WHERE "associationId" = $1`, [id])) as string[];
  return {
    associationId: id,
    requestIds: (await of("SupportRequest")) as string[],
    references: (await ownOnly("SupportRequest")) as string[],
    complaintIds: (await of("Complaint")) as string[],
    complaintReferences: (await ownOnly("Complaint")) as string[],
    versionIds: (await of("PolicyVersion")) as string[],
    versionNumbers: (await column(`SELECT number FROM "PolicyVersion" WHERE "associationId" = $1 ORDER BY 1 DESC`, [id])) as number[],
    surveyIds: (await of("Survey")) as string[],
    userIds: (await of("Membership", "userId")) as string[],
    invitationIds: (await of("Invitation")) as string[],
    supportTypeKeys: (await of("SupportType", "key")) as string[],
    auditIds: (await of("AuditEvent")) as string[],
    outboxIds: (await of("OutboxMessage")) as string[],
    dataRequestIds: (await of("DataSubjectRequest")) as string[],
    tokens: [...new Set(bodies.flatMap((body) => body.match(/(?<=\/(?:invite|reset-password|survey)\/)[A-Za-z0-9_-]{43}/g) ?? []))],
  };
}

/** Gives B a request and a complaint whose references A does not have (each association numbers
 * its own from 1), copied from B's own rows, with a marker name to look for in answers. */
export async function addUniqueObjects(slug: string, marker: string) {
  const copy = (table: string, changes: Record<string, string>) =>
    db().query(
      `INSERT INTO "${table}" SELECT * FROM json_populate_record(NULL::"${table}", (
         SELECT (row_to_json(t)::jsonb || $2::jsonb)::json FROM "${table}" t
         WHERE "associationId" = (SELECT id FROM "Association" WHERE slug = $1) ORDER BY t.reference LIMIT 1))`,
      [slug, JSON.stringify({ id: crypto.randomUUID(), ...changes })],
    );
  await copy("SupportRequest", { reference: "1448-99999", applicantName: `${marker} طلب`, description: `${marker} وصف الطلب` });
  await db().query(
    `INSERT INTO "Complaint" ("associationId", id, reference, kind, name, phone, body, "updatedAt")
     SELECT id, $2, 'C-1448-9999', 'COMPLAINT', $3, '+966500000999', $4, now() FROM "Association" WHERE slug = $1`,
    [slug, crypto.randomUUID(), `${marker} شكوى`, `${marker} نص الشكوى`],
  );
}

/** A data-subject request (PDPL log) of B about its marker request's applicant. */
export async function addDataRequest(slug: string, marker: string) {
  await db().query(
    `INSERT INTO "DataSubjectRequest" ("associationId", id, kind, "subjectName", "subjectReference", "receivedOn", "dueOn")
     SELECT id, $2, 'ACCESS', $3, '1448-99999', current_date, current_date + 30 FROM "Association" WHERE slug = $1`,
    [slug, crypto.randomUUID(), `${marker} صاحب البيانات`],
  );
}

/** Personal and distinctive strings of an association: beneficiaries' names, ids, phones and
 * e-mails, complaint texts, members' addresses, its own names and contacts. Only rows from
 * before this run: the fuzzing run writes payloads such as "undefined" into both associations. */
async function stringsOf(associationId: string): Promise<Set<string>> {
  const before = new Date(Number(process.env.SECURITY_STARTED_AT ?? Date.now()));
  const queries = [
    `SELECT "applicantName", "idNumber", phone, email, left(description, 40) FROM "SupportRequest" WHERE "associationId" = $1 AND "submittedAt" < $2`,
    `SELECT name, phone, email, left(body, 40) FROM "Complaint" WHERE "associationId" = $1 AND "createdAt" < $2`,
    `SELECT u.email, u.name FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE m."associationId" = $1`,
    `SELECT "nameAr", "nameEn", "registrationNumber", phone, email FROM "Association" WHERE id = $1`,
    `SELECT recipient, subject FROM "OutboxMessage" WHERE "associationId" = $1 AND "createdAt" < $2`,
    `SELECT email FROM "Invitation" WHERE "associationId" = $1`,
    `SELECT "titleAr", "titleEn" FROM "Survey" WHERE "associationId" = $1`,
    `SELECT "subjectName", "subjectIdNumber", "subjectPhone", note FROM "DataSubjectRequest" WHERE "associationId" = $1`,
  ];
  const out = new Set<string>();
  for (const sql of queries) {
    const params = sql.includes("$2") ? [associationId, before] : [associationId];
    for (const row of (await db().query(sql, params)).rows) {
      for (const value of Object.values(row)) if (typeof value === "string" && value.trim().length >= 6) out.add(value.trim());
    }
  }
  return out;
}

/** Strings B holds and A does not: any of them in an answer on A's site is a leak. */
export async function canariesOf(b: string, a: string): Promise<string[]> {
  const idOf = async (slug: string) => (await db().query(`SELECT id FROM "Association" WHERE slug = $1`, [slug])).rows[0].id as string;
  const [aId, bId] = [await idOf(a), await idOf(b)];
  const [mine, theirs] = await Promise.all([stringsOf(aId), stringsOf(bId)]);
  // A's own texts (its policies and settings) may quote the same contact or phrase.
  const texts = await db().query(
    `SELECT string_agg(t, ' ') AS corpus FROM (SELECT content::text AS t FROM "PolicyVersion" WHERE "associationId" = $1
       UNION ALL SELECT a::text FROM "Association" a WHERE id = $1
       UNION ALL SELECT p::text FROM "PrivacyNotice" p WHERE "associationId" = $1) own`,
    [aId],
  );
  // The interface's own texts too (a message's example phone number is one association's number).
  const messages = ["ar", "en"].map((locale) => readFileSync(path.resolve(__dirname, `../../messages/${locale}.json`), "utf8"));
  const corpus = [String(texts.rows[0].corpus ?? ""), ...messages].join("\n");
  return [...theirs].filter((value) => !corpus.includes(value) && ![...mine].some((own) => own.includes(value) || value.includes(own)));
}

/** One hash over every row of every table that belongs to the association, and its members' accounts. */
export async function fingerprintOf(associationId: string): Promise<Record<string, string>> {
  const tables = (
    await db().query(`SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'associationId' ORDER BY 1`)
  ).rows.map((row) => row.table_name as string);
  const out: Record<string, string> = {};
  for (const table of tables) {
    const rows = await db().query(`SELECT t::text AS row FROM "${table}" t WHERE "associationId" = $1 ORDER BY 1`, [associationId]);
    out[table] = `${rows.rowCount}:${createHash("sha256").update(rows.rows.map((r) => r.row).join("\n")).digest("hex").slice(0, 16)}`;
  }
  const users = await db().query(`SELECT u::text AS row FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE m."associationId" = $1 ORDER BY 1`, [associationId]);
  out.User = `${users.rowCount}:${createHash("sha256").update(users.rows.map((r) => r.row).join("\n")).digest("hex").slice(0, 16)}`;
  const own = await db().query(`SELECT a::text AS row FROM "Association" a WHERE id = $1`, [associationId]);
  out.Association = createHash("sha256").update(own.rows[0].row).digest("hex").slice(0, 16);
  return out;
}

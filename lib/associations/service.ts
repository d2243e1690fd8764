import { z } from "zod";
import { assertCustomDomain } from "../billing/limits";
import type { DbClient } from "../db/types";
import { AppError } from "../errors";
import type { Locale } from "../i18n/routing";
import { createInvitation } from "../members/invitations";
import { contentHash } from "../policy/hash";
import { ensureDefaultSurvey } from "../surveys/surveys";
import { TEMPLATE_KEYS, templateContent } from "../policy/templates";
import { isValidHostname, RESERVED_SUBDOMAINS } from "../tenancy/host";
import { emailSchema } from "../auth/password";

// Creating and running associations: self-serve registration and the operator console share
// createAssociation(). A new association starts with its admin invited and a DRAFT policy
// copied from a template; nothing is published until its board approves it.

const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/;

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "validation.slugLength")
  .max(63, "validation.slugLength")
  .regex(SLUG, "validation.slugInvalid")
  .refine((slug) => !slug.includes("--"), "validation.slugInvalid")
  .refine((slug) => !(RESERVED_SUBDOMAINS as readonly string[]).includes(slug), "validation.slugReserved");

const requiredText = (max: number) => z.string().trim().min(1, "validation.required").max(max, "validation.tooLong");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((value) => value || null);

export const associationSchema = z.object({
  nameAr: requiredText(200).refine((value) => /\p{Script=Arabic}/u.test(value), "validation.arabicRequired"),
  nameEn: requiredText(200),
  registrationNumber: requiredText(40).regex(/^[0-9\u0660-\u0669]+$/, "validation.digitsOnly"),
  supervisingBodyAr: requiredText(200),
  supervisingBodyEn: optionalText(200),
  adminEmail: emailSchema,
  slug: slugSchema,
  template: z.enum(TEMPLATE_KEYS, "validation.templateRequired"),
});

export type AssociationInput = z.output<typeof associationSchema>;

/** Arabic-Indic digits are stored as ASCII. */
const asciiDigits = (value: string) => value.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));

export async function createAssociation(
  db: DbClient,
  input: AssociationInput,
  context: { invitedById: string | null; locale: Locale; now?: Date },
) {
  if (await db.association.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    throw new AppError("SLUG_TAKEN", "slug");
  }
  const association = await db.association.create({
    data: {
      slug: input.slug,
      nameAr: input.nameAr,
      nameEn: input.nameEn,
      registrationNumber: asciiDigits(input.registrationNumber),
      supervisingBodyAr: input.supervisingBodyAr,
      supervisingBodyEn: input.supervisingBodyEn,
      email: input.adminEmail,
    },
    select: { id: true, slug: true, nameAr: true, nameEn: true },
  });
  const policy = await db.policy.create({
    data: { associationId: association.id, kind: "BENEFICIARY_RELATIONS" },
    select: { id: true },
  });
  const content = templateContent(input.template);
  const draft = await db.policyVersion.create({
    data: {
      associationId: association.id,
      policyId: policy.id,
      number: 1,
      status: "DRAFT",
      content,
      contentHash: contentHash(content),
    },
    select: { id: true },
  });
  await ensureDefaultSurvey(db, association.id, context.now);
  const { token, invitation } = await createInvitation(db, {
    associationId: association.id,
    slug: association.slug,
    associationName: context.locale === "ar" ? association.nameAr : association.nameEn,
    email: input.adminEmail,
    roles: ["ADMIN"],
    isChair: false,
    invitedById: context.invitedById,
    locale: context.locale,
    now: context.now,
  });
  return { association, draftId: draft.id, invitationId: invitation.id, token };
}

export const statusSchema = z.object({ associationId: z.uuid("validation.invalid"), status: z.enum(["ACTIVE", "SUSPENDED"]) });

export async function setAssociationStatus(db: DbClient, input: z.output<typeof statusSchema>) {
  const before = await db.association.findUnique({ where: { id: input.associationId }, select: { status: true, slug: true } });
  if (!before) throw new AppError("NOT_FOUND");
  await db.association.update({ where: { id: input.associationId }, data: { status: input.status } });
  return { before, after: { status: input.status } };
}

export const domainSchema = z.object({
  associationId: z.uuid("validation.invalid"),
  hostname: z
    .string()
    .trim()
    .toLowerCase()
    .refine((host) => isValidHostname(host) && host.includes("."), "validation.hostnameInvalid"),
});

export async function addDomain(db: DbClient, input: z.output<typeof domainSchema>, rootDomain: string) {
  if (input.hostname === rootDomain || input.hostname.endsWith(`.${rootDomain}`)) {
    throw new AppError("INVALID_INPUT", "hostname", "validation.hostnameOwnDomain");
  }
  const exists = await db.association.findUnique({ where: { id: input.associationId }, select: { id: true } });
  if (!exists) throw new AppError("NOT_FOUND");
  await assertCustomDomain(db, input.associationId);
  if (await db.associationDomain.findUnique({ where: { hostname: input.hostname }, select: { id: true } })) {
    throw new AppError("DOMAIN_TAKEN", "hostname");
  }
  return db.associationDomain.create({ data: { associationId: input.associationId, hostname: input.hostname }, select: { id: true, hostname: true } });
}

/** The operator console's table: every association with status and counts. */
export async function listAssociations(db: DbClient) {
  return db.association.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      slug: true,
      nameAr: true,
      nameEn: true,
      status: true,
      createdAt: true,
      domains: { select: { hostname: true } },
      _count: { select: { memberships: true, policyVersions: true, invitations: true } },
    },
  });
}

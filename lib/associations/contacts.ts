import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import type { ActionContext, Outcome } from "../auth/access";

// The association's contact details, shown at the foot of its policy. They live on the
// association, not in the policy content: changing a phone number needs no board vote.

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), schema.nullable());

export const contactsSchema = z.object({
  phone: optional(
    z
      .string()
      .trim()
      .transform((value, ctx) => {
        const phone = parsePhoneNumberFromString(value.replace(/[٠-٩]/g, (d) => String("٠١٢٣٤٥٦٧٨٩".indexOf(d))), "SA");
        if (!phone?.isValid()) {
          ctx.addIssue({ code: "custom", message: "validation.phoneInvalid" });
          return z.NEVER;
        }
        return phone.number;
      }),
  ),
  email: optional(z.email("validation.emailInvalid").max(254, "validation.tooLong")),
  website: optional(z.url({ protocol: /^https?$/, message: "validation.urlInvalid" }).max(300, "validation.tooLong")),
  xHandle: optional(z.string().trim().transform((v) => v.replace(/^@/, "")).pipe(z.string().regex(/^[A-Za-z0-9_]{1,15}$/, "validation.handleInvalid"))),
  instagramHandle: optional(z.string().trim().transform((v) => v.replace(/^@/, "")).pipe(z.string().regex(/^[A-Za-z0-9_.]{1,30}$/, "validation.handleInvalid"))),
});

export async function updateContacts(ctx: ActionContext, input: z.output<typeof contactsSchema>): Promise<Outcome> {
  const member = ctx.member!;
  const id = member.tenant.id;
  const select = { phone: true, email: true, website: true, xHandle: true, instagramHandle: true } as const;
  const before = await ctx.db.association.findUniqueOrThrow({ where: { id }, select });
  await ctx.db.association.update({ where: { id }, data: input });
  return {
    audit: { action: "association.contacts_changed", target: { type: "Association", id }, before, after: input },
    notice: "policy.notices.contactsSaved",
  };
}

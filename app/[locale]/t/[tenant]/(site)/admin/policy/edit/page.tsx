import { getTranslations } from "next-intl/server";
import { ButtonForm } from "@/components/forms/ButtonForm";
import { StartDraftButton } from "@/components/policy/StartDraftButton";
import { PolicyEditor } from "@/components/policy/editor/PolicyEditor";
import { ContactsForm } from "@/components/policy/WorkflowForms";
import { requireMember } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { pageTitle } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { submitDraftAction } from "@/lib/policy/actions";
import { policyRepository } from "@/lib/policy/repository";
import { policyContentSchema } from "@/lib/policy/schema";

export const generateMetadata = pageTitle("editor.title");

/** The open draft in the structured editor, and the association's contact details. */
export default async function EditPolicy() {
  const member = await requireMember("policy.edit");
  const t = await getTranslations("editor");
  const tp = await getTranslations("policyAdmin");
  const db = await getDb();
  const tenant = member.tenant;
  const draft = await policyRepository(db).findOpen(tenant.id);
  const contacts = { phone: tenant.phone, email: tenant.email, website: tenant.website, xHandle: tenant.xHandle, instagramHandle: tenant.instagramHandle };

  return (
    <main id="main" className="py-6">
      <p className="text-sm">
        <Link href="/admin/policy" className="underline">{tp("title")}</Link>
      </p>
      {draft?.status === "DRAFT" ? (
        <>
          <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
            <div>
              <h1 className="text-2xl font-bold">{t("heading", { number: draft.number })}</h1>
              <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
            </div>
            {member.permissions.has("policy.submit") && (
              <ButtonForm action={submitDraftAction} fields={{ versionId: draft.id }} label={tp("submit")} variant="secondary">
                {tp("submit")}
              </ButtonForm>
            )}
          </div>
          <PolicyEditor
            versionId={draft.id}
            versionNumber={draft.number}
            initialContent={policyContentSchema.parse(draft.content)}
            updatedAt={draft.updatedAt.toISOString()}
            tenant={{
              nameAr: tenant.nameAr,
              nameEn: tenant.nameEn,
              registrationNumber: tenant.registrationNumber,
              supervisingBodyAr: tenant.supervisingBodyAr,
              supervisingBodyEn: tenant.supervisingBodyEn,
              primaryColor: tenant.primaryColor,
              ...contacts,
            }}
          />
        </>
      ) : (
        <div className="mt-4 rounded-lg border border-stone-200 bg-white p-5">
          <h1 className="text-xl font-bold">{t("title")}</h1>
          <p className="mt-2 text-stone-700">{draft ? t("locked") : t("noDraft")}</p>
          {!draft && (
            <div className="mt-3">
              <StartDraftButton label={tp("startDraft")} />
            </div>
          )}
        </div>
      )}
      <section aria-labelledby="contacts" className="mt-8 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="contacts" className="text-lg font-semibold">{tp("contactsTitle")}</h2>
        <p className="mb-3 mt-1 text-sm text-stone-600">{tp("contactsHint")}</p>
        <ContactsForm current={contacts} />
      </section>
    </main>
  );
}

import { parsePhoneNumberFromString } from "libphonenumber-js";
import { useTranslations } from "next-intl";
import type { Tenant } from "@/lib/tenancy/repository";

export type Contacts = Pick<Tenant, "phone" | "email" | "website" | "xHandle" | "instagramHandle">;

/** The association's contact details, each a working link; values are left-to-right in Arabic text. */
export function ContactList({ tenant }: { tenant: Contacts }) {
  const t = useTranslations("policy");
  const phone = tenant.phone ? parsePhoneNumberFromString(tenant.phone) : undefined;
  const items = [
    phone && { label: t("contact.phone"), href: phone.getURI(), value: phone.formatNational() },
    tenant.email && { label: t("contact.email"), href: `mailto:${tenant.email}`, value: tenant.email },
    tenant.website && { label: t("contact.website"), href: tenant.website, value: tenant.website.replace(/^https?:\/\//, "") },
    tenant.xHandle && { label: t("contact.x"), href: `https://x.com/${tenant.xHandle}`, value: `@${tenant.xHandle}` },
    tenant.instagramHandle && {
      label: t("contact.instagram"),
      href: `https://www.instagram.com/${tenant.instagramHandle}`,
      value: tenant.instagramHandle,
    },
  ].filter((item) => !!item);

  if (items.length === 0) return <p className="text-stone-600">{t("noContacts")}</p>;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
      {items.map((item) => (
        <div key={item.label} className="contents">
          <dt className="font-medium text-stone-600">{item.label}</dt>
          <dd>
            <a href={item.href} dir="ltr" className="break-all text-[var(--brand)] underline underline-offset-4">
              {item.value}
            </a>
          </dd>
        </div>
      ))}
    </dl>
  );
}

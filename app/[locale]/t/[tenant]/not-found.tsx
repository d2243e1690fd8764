import { getLocale, getTranslations } from "next-intl/server";
import { NotFoundMessage } from "@/components/site/NotFoundMessage";
import type { Locale } from "@/lib/i18n/routing";
import { platformUrl } from "@/lib/tenancy/urls";

/** Reached when the host names no active association (the site layout calls notFound()). */
export default async function AssociationNotFound() {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("notFound");
  return (
    <NotFoundMessage title={t("associationTitle")} body={t("associationBody")}>
      <a href={platformUrl(locale)} className="rounded-md bg-stone-900 px-4 py-2 font-medium text-white">
        {t("platformLink")}
      </a>
    </NotFoundMessage>
  );
}

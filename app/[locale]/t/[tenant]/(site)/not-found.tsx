import { getTranslations } from "next-intl/server";
import { NotFoundMessage } from "@/components/site/NotFoundMessage";
import { Link } from "@/lib/i18n/navigation";

/** A path the association's site does not have (including direct hits on /t/…). */
export default async function SitePageNotFound() {
  const t = await getTranslations("notFound");
  return (
    <NotFoundMessage title={t("pageTitle")} body={t("pageBody")}>
      <Link href="/" className="rounded-md bg-[var(--brand)] px-4 py-2 font-medium text-white">
        {t("backHome")}
      </Link>
    </NotFoundMessage>
  );
}

import { getTranslations } from "next-intl/server";
import { NotFoundMessage } from "@/components/site/NotFoundMessage";
import { Link } from "@/lib/i18n/navigation";

export default async function PlatformNotFound() {
  const t = await getTranslations("notFound");
  return (
    <NotFoundMessage title={t("pageTitle")} body={t("pageBody")}>
      <Link href="/" className="rounded-md bg-stone-900 px-4 py-2 font-medium text-white">
        {t("backHome")}
      </Link>
    </NotFoundMessage>
  );
}

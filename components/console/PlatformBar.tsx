import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/site/LanguageSwitch";
import { Link } from "@/lib/i18n/navigation";

/** The platform's top bar on its own pages (console, sign-in, registration). */
export async function PlatformBar({ children }: { children?: React.ReactNode }) {
  const t = await getTranslations("common");
  return (
    <header className="bg-stone-900 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-bold">
          {t("productName")}
        </Link>
        <div className="flex items-center gap-3">
          {children}
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}

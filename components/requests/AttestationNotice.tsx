import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

/** Shown instead of the handling controls until the member confirms reading the published policy. */
export function AttestationNotice({ message }: { message: string }) {
  const t = useTranslations("requests");
  return (
    <p role="note" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900" data-testid="attest-needed">
      {message}{" "}
      <Link href="/admin/policy" className="font-semibold underline">{t("attestLink")}</Link>
    </p>
  );
}

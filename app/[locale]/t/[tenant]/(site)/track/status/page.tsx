import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { EndTrackingButton } from "@/components/tracking/TrackForm";
import { TrackTimeline } from "@/components/tracking/TrackTimeline";
import { asLocale } from "@/lib/i18n/routing";
import { Link } from "@/lib/i18n/navigation";
import { pageTitle } from "@/lib/i18n/metadata";
import { getTenant } from "@/lib/tenancy/current";
import { currentTrackingView } from "@/lib/tracking/session";

export const dynamic = "force-dynamic";
export const generateMetadata = pageTitle("track.statusTitle");

type Props = { params: Promise<{ locale: string; tenant: string }> };

/** The tracked request, for the visitor holding a valid tracking cookie for this association. */
export default async function TrackStatusPage({ params }: Props) {
  const { locale: segment, tenant: key } = await params;
  const locale = asLocale(segment);
  setRequestLocale(locale);
  const tenant = await getTenant(key);
  if (!tenant) notFound();
  const t = await getTranslations("track");
  const view = await currentTrackingView(tenant);
  return (
    <main id="main" className="mx-auto w-full max-w-2xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("statusTitle")}</h1>
      {view ? (
        <div className="mt-6 flex flex-col gap-6">
          <TrackTimeline view={view} locale={locale} />
          <p className="text-sm text-stone-600">{t("sessionNote")}</p>
          <EndTrackingButton />
        </div>
      ) : (
        <div className="mt-6 flex flex-col items-start gap-3">
          <p className="text-stone-700">{t("sessionExpired")}</p>
          <Link href="/track" className="rounded-md bg-[var(--brand,#0f766e)] px-4 py-2 text-sm font-semibold text-white">
            {t("startAgain")}
          </Link>
        </div>
      )}
    </main>
  );
}

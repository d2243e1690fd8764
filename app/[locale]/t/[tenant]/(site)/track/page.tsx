import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthCard } from "@/components/auth/AuthCard";
import { TrackForm } from "@/components/tracking/TrackForm";
import { asLocale } from "@/lib/i18n/routing";
import { pageTitle } from "@/lib/i18n/metadata";

// Served from the page cache until the association changes (lib/tenancy/public-cache.ts).
export const revalidate = 60;
export const generateStaticParams = () => [];

export const generateMetadata = pageTitle("track.title");

export default async function TrackPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale(asLocale((await params).locale));
  const t = await getTranslations("track");
  return (
    <AuthCard title={t("title")} intro={t("intro")}>
      <TrackForm />
    </AuthCard>
  );
}

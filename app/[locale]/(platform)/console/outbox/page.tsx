import { getTranslations } from "next-intl/server";
import { OutboxList } from "@/components/admin/OutboxList";
import { requireOperator } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { asLocale } from "@/lib/i18n/routing";
import { listOutbox } from "@/lib/notify/outbox";
import { pageTitle } from "@/lib/i18n/metadata";

export const generateMetadata = pageTitle("outbox.title");

export default async function PlatformOutboxPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = asLocale((await params).locale);
  await requireOperator();
  const t = await getTranslations("outbox");
  const messages = await listOutbox(await getDb(), { all: true });
  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <OutboxList messages={messages} locale={locale} smtpConfigured={!!process.env.SMTP_URL} showAssociation />
    </main>
  );
}

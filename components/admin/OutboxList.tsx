import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import type { listOutbox } from "@/lib/notify/outbox";

type Message = Awaited<ReturnType<typeof listOutbox>>[number];

const STATUS_STYLE = { QUEUED: "bg-amber-100 text-amber-900", SENT: "bg-emerald-100 text-emerald-900", FAILED: "bg-red-100 text-red-900" } as const;

/** Outbox messages with their full text: without a mail server, this is how links reach people. */
export async function OutboxList({ messages, locale, smtpConfigured, showAssociation = false }: { messages: Message[]; locale: Locale; smtpConfigured: boolean; showAssociation?: boolean }) {
  const t = await getTranslations("outbox");
  return (
    <>
      <p className="mt-1 text-stone-700">{t("intro")}</p>
      {!smtpConfigured && <p className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("noSmtp")}</p>}
      {messages.length === 0 ? (
        <p className="mt-6 text-stone-600">{t("empty")}</p>
      ) : (
        <ul className="mt-6 flex flex-col gap-3">
          {messages.map((m) => (
            <li key={m.id} className="rounded-lg border border-stone-200 bg-white p-4" data-testid="outbox-message">
              <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <span>
                  {t(`channels.${m.channel}`)} — {t("recipient")}: <span dir="ltr">{m.recipient}</span>
                  {showAssociation && m.association && <> — {t("association")}: {m.association.slug}</>}
                </span>
                <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[m.status]}`}>{t(`statuses.${m.status}`)}</span>
              </div>
              {m.subject && <p className="mt-2 font-semibold">{m.subject}</p>}
              {m.body === null ? (
                <p className="mt-2 text-sm italic text-stone-600">{t("private")}</p>
              ) : (
                <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm text-stone-800">{m.body}</pre>
              )}
              <p className="mt-2 text-xs text-stone-500">
                {t("created")}: {formatDateTime(m.createdAt, locale)} · {t("attempts", { count: m.attempts })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import { useTranslations } from "next-intl";
import type { RequestStatus } from "@/lib/db/generated/enums";

const COLORS: Record<RequestStatus, string> = {
  RECEIVED: "bg-stone-100 text-stone-800",
  IN_RESEARCH: "bg-violet-100 text-violet-900",
  IN_COMMITTEE: "bg-amber-100 text-amber-900",
  ACCEPTED: "bg-emerald-100 text-emerald-900",
  REJECTED: "bg-red-100 text-red-800",
  REGISTERED: "bg-sky-100 text-sky-900",
  DELIVERED: "bg-teal-100 text-teal-900",
};

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const t = useTranslations("requests.status");
  return <span className={`whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ${COLORS[status]}`}>{t(status)}</span>;
}

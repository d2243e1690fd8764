import { useTranslations } from "next-intl";

const COLORS: Record<string, string> = {
  DRAFT: "bg-stone-100 text-stone-800",
  PENDING_APPROVAL: "bg-amber-100 text-amber-900",
  APPROVED: "bg-sky-100 text-sky-900",
  PUBLISHED: "bg-emerald-100 text-emerald-900",
  SUPERSEDED: "bg-stone-100 text-stone-600",
  REJECTED: "bg-red-100 text-red-800",
};

export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations("policyStatus");
  return <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${COLORS[status] ?? ""}`}>{t(status as "DRAFT")}</span>;
}

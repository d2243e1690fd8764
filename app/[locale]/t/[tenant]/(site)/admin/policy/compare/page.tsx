import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { VersionDiff } from "@/components/policy/VersionDiff";
import { requireMember } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { pageTitle } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { asLocale } from "@/lib/i18n/routing";
import { diffPolicies } from "@/lib/policy/diff";
import { policyRepository } from "@/lib/policy/repository";
import { policyContentSchema } from "@/lib/policy/schema";

export const generateMetadata = pageTitle("diff.title");

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const number = z.coerce.number().int().positive().optional().catch(undefined);

/** Any two versions compared section by section (a plain GET form picks them). */
export default async function ComparePage({ params, searchParams }: Props) {
  const locale = asLocale((await params).locale);
  const member = await requireMember("policy.view");
  const t = await getTranslations("diff");
  const tp = await getTranslations("policyAdmin");
  const tenantId = member.tenant.id;
  const repo = policyRepository(await getDb());
  const versions = await repo.listVersions(tenantId);
  const query = await searchParams;
  const from = number.parse(query.from) ?? versions.find((v) => v.status === "PUBLISHED")?.number ?? versions.at(-1)?.number;
  const to = number.parse(query.to) ?? versions[0]?.number;
  const [a, b] = await Promise.all([from ? repo.findByNumber(tenantId, from) : null, to ? repo.findByNumber(tenantId, to) : null]);
  const select = (name: string, value: number | undefined, label: string) => (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      <select name={name} defaultValue={value} className="rounded-md border border-stone-300 bg-white px-3 py-2 text-base">
        {versions.map((v) => (
          <option key={v.number} value={v.number}>{tp("versionNumber", { number: v.number })}</option>
        ))}
      </select>
    </label>
  );

  return (
    <main id="main" className="space-y-5 py-6">
      <p className="text-sm"><Link href="/admin/policy" className="underline">{tp("title")}</Link></p>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <form method="get" className="flex flex-wrap items-end gap-3">
        {select("from", from, t("from"))}
        {select("to", to, t("to"))}
        <button type="submit" className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-semibold">{t("compare")}</button>
      </form>
      {a && b ? (
        <>
          <h2 className="text-lg font-semibold">{t("heading", { from: a.number, to: b.number })}</h2>
          <VersionDiff sections={diffPolicies(policyContentSchema.parse(a.content), policyContentSchema.parse(b.content))} locale={locale} />
        </>
      ) : (
        <p className="text-stone-600">{t("pick")}</p>
      )}
    </main>
  );
}

import { getTranslations } from "next-intl/server";
import { VersionDiff } from "@/components/policy/VersionDiff";
import { DecisionForm, VoteForm } from "@/components/policy/WorkflowForms";
import { requireMember } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { formatDateTime, formatDualDate } from "@/lib/i18n/dates";
import { pageTitle } from "@/lib/i18n/metadata";
import { asLocale } from "@/lib/i18n/routing";
import { diffPolicies } from "@/lib/policy/diff";
import { tallyVotes } from "@/lib/policy/quorum";
import { displayName, policyRepository } from "@/lib/policy/repository";
import { policyContentSchema } from "@/lib/policy/schema";

export const generateMetadata = pageTitle("board.title");

type Props = { params: Promise<{ locale: string }> };

/** What awaits the board: the submitted version's changes, the votes so far, a vote, and for
 * the chair the form that records the board's decision. */
export default async function BoardPage({ params }: Props) {
  const locale = asLocale((await params).locale);
  const member = await requireMember("policy.vote");
  const t = await getTranslations("board");
  const tb = await getTranslations("boardOutcome");
  const db = await getDb();
  const associationId = member.tenant.id;
  const repo = policyRepository(db);
  const open = await repo.findOpen(associationId);
  const pending = open?.status === "PENDING_APPROVAL" ? open : null;

  if (!pending) {
    // After the chair records a decision the page lands here: say what was decided.
    const last = await db.boardDecision.findFirst({
      where: { associationId },
      orderBy: { decidedAt: "desc" },
      select: { outcome: true, sessionNumber: true, meetingDate: true, policyVersion: { select: { number: true } } },
    });
    return (
      <main id="main" className="py-6">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <div className="mt-4 space-y-2 rounded-lg border border-stone-200 bg-white p-5 text-stone-700">
          <p>{t("nothingPending")}</p>
          {last && (
            <p role="status" data-testid="last-decision">
              {t("lastDecision", {
                number: last.policyVersion.number,
                outcome: tb(last.outcome),
                session: last.sessionNumber,
                date: formatDualDate(last.meetingDate, locale),
              })}
            </p>
          )}
        </div>
      </main>
    );
  }

  const [published, board, votes, association] = await Promise.all([
    repo.findPublished(associationId),
    repo.listBoard(associationId),
    repo.listVotes(associationId, pending.id, pending.round),
    db.association.findUniqueOrThrow({ where: { id: associationId }, select: { boardQuorum: true } }),
  ]);
  const { approvals, rejections, required } = tallyVotes(votes, board.map((s) => s.userId), association.boardQuorum);
  const voted = votes.some((v) => v.userId === member.user.id);
  const content = policyContentSchema.parse(pending.content);

  return (
    <main id="main" className="space-y-6 py-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-stone-700">
          {t("pendingVersion", { number: pending.number, date: formatDateTime(pending.submittedAt ?? pending.updatedAt, locale) })}
        </p>
      </div>

      <section aria-labelledby="changes" className="space-y-3">
        <h2 id="changes" className="text-lg font-semibold">
          {published ? t("changesSince", { number: published.number }) : t("changes")}
        </h2>
        <VersionDiff sections={published ? diffPolicies(policyContentSchema.parse(published.content), content) : []} locale={locale} />
      </section>

      <section aria-labelledby="votes" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="votes" className="font-semibold">{t("votes")}</h2>
        <p className="mt-1 text-sm text-stone-700" data-testid="tally">
          {t("tally", { approvals, rejections, required, size: board.length, rule: t(`quorumRule.${association.boardQuorum}`) })}
        </p>
        {votes.length > 0 ? (
          <ul className="mt-3 divide-y divide-stone-100 text-sm" data-testid="vote-list">
            {votes.map((v) => (
              <li key={v.userId} className="py-2">
                <span className="font-medium">{displayName(v.user)}</span> — {t(`choice.${v.choice}`)}
                <span className="text-stone-500"> · {formatDateTime(v.createdAt, locale)}</span>
                {v.comment && <p className="mt-1 text-stone-700">{v.comment}</p>}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-sm text-stone-600">{t("noVotes")}</p>
        )}
      </section>

      <section aria-labelledby="vote" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="vote" className="mb-3 font-semibold">{t("voteTitle")}</h2>
        {!member.roles.includes("BOARD") ? (
          <p className="text-sm text-stone-600">{t("notBoard")}</p>
        ) : voted ? (
          <p className="text-sm text-stone-700" data-testid="already-voted">{t("youVoted")}</p>
        ) : (
          <VoteForm versionId={pending.id} />
        )}
      </section>

      {member.isChair && member.roles.includes("BOARD") && (
        <section aria-labelledby="decision" className="rounded-lg border border-stone-200 bg-white p-5">
          <h2 id="decision" className="font-semibold">{t("decisionTitle")}</h2>
          <p className="mb-3 mt-1 text-sm text-stone-600">{t("decisionHint")}</p>
          <DecisionForm versionId={pending.id} board={board.map((s) => ({ userId: s.userId, name: displayName(s.user) }))} />
        </section>
      )}
    </main>
  );
}

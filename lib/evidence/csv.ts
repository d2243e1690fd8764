import { toCsv } from "../csv";
import type { EvidencePack } from "./pack";

// The pack's figures as CSV, one (section, item, value) row each: machine-readable, in English
// keys, the same numbers as the screen (shares as fractions, days unrounded to one decimal).

const day = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : "");
const num = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(Math.round(value * 1000) / 1000));

export function evidenceRows(pack: EvidencePack): [string, string, string][] {
  const rows: [string, string, string][] = [];
  const add = (section: string, item: string, value: string | number | null | undefined) =>
    rows.push([section, item, typeof value === "number" ? num(value) : (value ?? "")]);

  add("association", "name_ar", pack.association.nameAr);
  add("association", "name_en", pack.association.nameEn);
  add("association", "registration_number", pack.association.registrationNumber);
  add("association", "public_url", pack.urls?.ar);
  add("year", "calendar", pack.year.calendar);
  add("year", "year", pack.year.year);
  add("year", "from", pack.year.period.from);
  add("year", "to", pack.year.period.to);

  for (const v of pack.policyVersions) {
    const id = `version_${v.number}`;
    add("policy", `${id}.published_at`, day(v.publishedAt));
    add("policy", `${id}.superseded_at`, day(v.supersededAt));
    v.decisions.forEach((d, i) => {
      const di = `${id}.decision_${i + 1}`;
      add("policy", `${di}.session`, d.sessionNumber);
      add("policy", `${di}.meeting_date`, day(d.meetingDate));
      add("policy", `${di}.outcome`, d.outcome);
      add("policy", `${di}.votes_for`, d.approvals);
      add("policy", `${di}.votes_against`, d.rejections);
      add("policy", `${di}.chair`, d.chairNameEn || d.chairNameAr);
    });
  }

  const r = pack.requests;
  add("requests", "total", r.total);
  for (const c of r.byChannel) add("requests", `channel.${c.key}`, c.count);
  add("deadline", "deadline", pack.deadline ? `${pack.deadline.amount} ${pack.deadline.unit}` : "");
  add("deadline", "decided", r.decided);
  add("deadline", "decided_within", r.decidedWithin);
  add("deadline", "share_within", r.shareWithin);
  add("deadline", "median_days_to_decision", r.medianDaysToDecision);

  const s = pack.satisfaction;
  add("satisfaction", "responses", s.responses);
  add("satisfaction", "invitations", s.invitations);
  add("satisfaction", "invitation_responses", s.invitationResponses);
  add("satisfaction", "response_rate", s.responseRate);
  add("satisfaction", "suppressed", s.suppressed ? "yes" : "no");
  add("satisfaction", "csat", s.suppressed ? null : s.csat);
  add("satisfaction", "nps", s.suppressed ? null : s.nps);

  const c = pack.complaints;
  add("complaints", "total", c.total);
  for (const k of c.byKindStatus) add("complaints", `${k.kind}.${k.status}`, k.count);
  add("complaints", "closed", c.closed);
  add("complaints", "share_closed", c.shareClosed);
  add("complaints", "median_days_to_close", c.medianDaysToClose);

  add("attestation", "version", pack.attestation.versionNumber);
  add("attestation", "required", pack.attestation.required);
  add("attestation", "attested", pack.attestation.attested);

  for (const item of pack.readiness) add("readiness", item.key, item.present ? "present" : "missing");
  return rows;
}

export const evidenceCsv = (pack: EvidencePack) => toCsv(["section", "item", "value"], evidenceRows(pack));

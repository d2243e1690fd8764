// The scale test's data generator: associations, staff, requests with their checklist, timeline,
// committee votes and survey invitations, and survey responses, written by the server itself
// (INSERT … SELECT over generate_series), so a million requests take minutes, not hours.
//
// Every value is a function of (association number, request number) through hashint8, so two
// runs with the same sizes and the same `now` write the same rows. Rows go in in time order
// across associations (the n-th request of every association at about the same moment), as
// real submissions would: an association's rows are spread over the table, not packed together,
// so the measured reads pay for their scattered heap pages as they would in production.
//
// Nothing bypasses the schema: foreign keys, unique keys and triggers are all in force.
import type pg from "pg";
import { computeDueAt } from "../../lib/requests/due-date";
import { toHijri } from "../../lib/i18n/dates";
import { DEFAULT_SURVEY } from "../../lib/surveys/defaults";
import { surveyContentSchema, type SurveyContent } from "../../lib/surveys/schema";
import { policyContentSchema } from "../../lib/policy/schema";

export type ScaleSizes = { associations: number; requestsPerAssociation: number; responses: number; days: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/** About this many requests per statement (request numbers × associations). */
const ROWS_PER_STATEMENT = 50_000;

const FIRST_NAMES = ["محمد", "أحمد", "عبدالله", "خالد", "سعد", "فهد", "ناصر", "سلطان", "فيصل", "عمر", "سارة", "نورة", "منى", "هند", "ريم", "لطيفة", "فاطمة", "مريم", "عائشة", "أمل"];
const FATHER_NAMES = ["محمد", "عبدالله", "سالم", "علي", "حمد", "سعود", "إبراهيم", "عبدالرحمن", "صالح", "يوسف"];
const FAMILY_NAMES = ["العنزي", "الشمري", "البلوي", "العطوي", "الحربي", "القحطاني", "السبيعي", "الغامدي", "الزهراني", "العتيبي", "المطيري", "الدوسري", "الشهري", "الجهني", "الرشيدي", "العمري", "المالكي", "الشهراني", "الحارثي", "السهلي"];
const CITIES = ["تبوك", "الرياض", "جدة", "الدمام", "المدينة المنورة", "أبها", "حائل", "بريدة"];
const DESCRIPTIONS = [
  "أسرة من خمسة أفراد تطلب دعماً لسداد إيجار المسكن بعد انقطاع دخل العائل.",
  "طلب جلسات إرشاد أسري بعد ظروف صعبة مرت بها الأسرة.",
  "يحتاج المستفيد إلى مساعدة في تكاليف العلاج الموصوف من الطبيب المختص.",
  "أرملة تعول ثلاثة أطفال وتطلب سلة غذائية شهرية.",
  "طالب جامعي يطلب دعماً لرسوم النقل والكتب الدراسية.",
  "طلب إحالة إلى مختص نفسي مع متابعة دورية.",
];
const REASONS = ["استوفى شروط الاستحقاق.", "الدخل الشهري للأسرة يتجاوز حد الاستحقاق في لائحة الدعم.", "اكتملت المستندات وأوصى الباحث بالقبول."];
const NOTES = ["تواصلت مع المستفيد وحددت موعد الزيارة الميدانية.", "اكتملت الزيارة الميدانية والوضع مطابق لما ذكر في الطلب."];
const COMMENTS = ["الموظفون متعاونون والإجراءات واضحة.", "أتمنى أن يكون الرد أسرع.", "شكراً لكم على حسن التعامل.", "احتجت إلى مراجعة الجمعية أكثر من مرة."];
/** Channels where a staff member types the request in (enteredById is set). */
const STAFF_CHANNELS = ["IN_PERSON_INTERVIEW", "PHONE", "LETTER", "BRANCH_REPRESENTATIVE"];
const STAFF = [
  ["ADMIN", 1],
  ["OFFICER", 3],
  ["RESEARCHER", 2],
  ["COMMITTEE", 3],
  ["BOARD", 3],
] as const;

/** The post-service survey's second version: the first plus a multiple-choice question, so the
 * dashboard reads answers across two versions, as an association that edited its survey has. */
export function secondSurveyVersion(): SurveyContent {
  return surveyContentSchema.parse({
    ...DEFAULT_SURVEY,
    questions: [
      ...DEFAULT_SURVEY.questions.slice(0, -1),
      {
        key: "q-contact",
        type: "MULTIPLE",
        required: false,
        label: { ar: "كيف تواصلت مع الجمعية؟", en: "How did you contact the association?" },
        options: [
          { key: "phone", label: { ar: "الهاتف", en: "Phone" } },
          { key: "visit", label: { ar: "زيارة المقر", en: "A visit" } },
          { key: "online", label: { ar: "الموقع أو التطبيق", en: "Online" } },
        ],
      },
      DEFAULT_SURVEY.questions.at(-1),
    ],
  });
}

// Session helpers (pg_temp: nothing is left in the database's schema).
const HELPERS = `
CREATE FUNCTION pg_temp.rnd(k bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT (hashint8(k * 64 + salt) & 2147483647)::float8 / 2147483648.0 $$;
CREATE FUNCTION pg_temp.pick(arr anyarray, u float8) RETURNS anyelement LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT arr[1 + floor(u * cardinality(arr))::int] $$;
CREATE FUNCTION pg_temp.riyadh_eod(t timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT (date_trunc('day', t AT TIME ZONE 'Asia/Riyadh') + interval '1 day' - interval '1 millisecond') AT TIME ZONE 'Asia/Riyadh' $$;
CREATE FUNCTION pg_temp.score5(u float8) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT CASE WHEN u < 0.07 THEN 1 WHEN u < 0.15 THEN 2 WHEN u < 0.30 THEN 3 WHEN u < 0.60 THEN 4 ELSE 5 END $$;
CREATE FUNCTION pg_temp.score11(u float8) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT CASE WHEN u < 0.15 THEN floor(u / 0.15 * 7)::int WHEN u < 0.40 THEN 7 + floor((u - 0.15) / 0.125)::int ELSE 9 + floor((u - 0.40) / 0.30)::int END $$;
`;

type Source = { slug: string; associationId: string; versionId: string; deadlineDays: number };

/** The two seed associations whose policy, support types and privacy notice are cloned. */
async function sources(client: pg.Client, now: Date): Promise<Source[]> {
  const { rows } = await client.query<{ slug: string; id: string; version_id: string; content: unknown }>(
    `SELECT a.slug, a.id, v.id AS version_id, v.content FROM "Association" a
     JOIN "PolicyVersion" v ON v."associationId" = a.id AND v.status = 'PUBLISHED'
     WHERE a.slug IN ('qader', 'alhilah') ORDER BY a.slug DESC`,
  );
  if (rows.length !== 2) throw new Error("the two seed associations with a published policy are needed");
  return rows.map((r) => {
    const content = policyContentSchema.parse(r.content);
    // The due date's distance for a request submitted now (a Hijri month is 29 or 30 days,
    // holidays aside): requests get submittedAt + that many days, to the end of the Riyadh day.
    const deadlineDays = Math.round((computeDueAt(now, content.responseDeadline).getTime() - now.getTime()) / DAY_MS);
    return { slug: r.slug, associationId: r.id, versionId: r.version_id, deadlineDays };
  });
}

type Step = (label: string, run: () => Promise<unknown>) => Promise<void>;

export async function generate(client: pg.Client, sizes: ScaleSizes, now: Date, step: Step) {
  await client.query(`SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '1GB'`);
  await client.query(HELPERS);
  const src = await sources(client, now);
  const hijriYear = toHijri(now).year;
  const N = sizes.associations;

  await step(`associations, policies, staff, surveys (${N})`, () => tenants(client, src, N, now, hijriYear, sizes.requestsPerAssociation));

  const R = sizes.requestsPerAssociation;
  const chunk = Math.max(1, Math.floor(ROWS_PER_STATEMENT / N));
  for (let from = 1; from <= R; from += chunk) {
    const to = Math.min(R, from + chunk - 1);
    await step(`requests ${from}–${to} of ${R} per association`, () => requests(client, from, to, R, sizes.days, now, hijriYear));
  }

  const perAssociation = Math.floor(sizes.responses / N);
  for (let m = 11; m >= 0; m--) {
    await step(`survey responses, month ${12 - m} of 12`, () => responses(client, m, perAssociation, now));
  }
}

async function tenants(client: pg.Client, src: Source[], N: number, now: Date, hijriYear: number, requests: number) {
  const v2 = secondSurveyVersion();
  await client.query("BEGIN");
  // Association i clones seed association (i mod 2): its health flag, policy, support types and notice.
  await client.query(
    `CREATE TEMP TABLE bench_src (s int PRIMARY KEY, association_id uuid, version_id uuid, deadline_days int);
     INSERT INTO bench_src VALUES (0, '${src[0].associationId}', '${src[0].versionId}', ${src[0].deadlineDays}),
                                  (1, '${src[1].associationId}', '${src[1].versionId}', ${src[1].deadlineDays})`,
  );
  await client.query(
    `INSERT INTO "Association" (id, slug, "nameAr", "nameEn", "cityAr", "cityEn", "healthRelated", "createdAt", "updatedAt")
     SELECT md5('association:' || i)::uuid, 'bench-' || lpad(i::text, 5, '0'), 'جمعية الاختبار ' || i, 'Bench association ' || i,
            pg_temp.pick($2::text[], pg_temp.rnd(i, 1)), NULL, sa."healthRelated", $1::timestamptz - interval '2 years', $1::timestamptz
     FROM generate_series(1, $3::int) i JOIN bench_src s ON s.s = i % 2 JOIN "Association" sa ON sa.id = s.association_id`,
    [now, CITIES, N],
  );
  await client.query(
    `CREATE TEMP TABLE bench_assoc AS
     SELECT i AS idx, md5('association:' || i)::uuid AS id, md5('policy:' || i)::uuid AS policy_id, md5('version:' || i)::uuid AS version_id,
            s.s AS src, s.deadline_days, sa."healthRelated" AS health,
            ARRAY(SELECT c->>'key' FROM jsonb_array_elements(v.content->'channels') c) AS channels,
            ARRAY(SELECT t.key::text FROM "SupportType" t WHERE t."associationId" = s.association_id AND t.active ORDER BY t."sortOrder") AS support_types,
            v.content->'procedure'->'steps' AS steps,
            md5('survey:' || i)::uuid AS survey_id, md5('survey-version:' || i || ':1')::uuid AS sv1, md5('survey-version:' || i || ':2')::uuid AS sv2
     FROM generate_series(1, $1::int) i JOIN bench_src s ON s.s = i % 2
     JOIN "Association" sa ON sa.id = s.association_id JOIN "PolicyVersion" v ON v."associationId" = s.association_id AND v.id = s.version_id`,
    [N],
  );
  await client.query(`ALTER TABLE bench_assoc ADD PRIMARY KEY (idx)`);
  await client.query(
    `INSERT INTO "Policy" ("associationId", id, kind, "createdAt") SELECT id, policy_id, 'BENEFICIARY_RELATIONS', $1::timestamptz - interval '1 year' FROM bench_assoc`,
    [now],
  );
  // One published version each, its content and hash those of the seed's (same content, same hash).
  await client.query(
    `INSERT INTO "PolicyVersion" ("associationId", id, "policyId", number, status, content, "contentHash", "previousHash",
                                  "submittedAt", "approvedAt", "publishedAt", "createdAt", "updatedAt")
     SELECT a.id, a.version_id, a.policy_id, 1, 'PUBLISHED', v.content, v."contentHash", NULL,
            $1::timestamptz - interval '300 days', $1::timestamptz - interval '290 days', $1::timestamptz - interval '290 days',
            $1::timestamptz - interval '310 days', $1::timestamptz - interval '290 days'
     FROM bench_assoc a JOIN bench_src s ON s.s = a.src JOIN "PolicyVersion" v ON v."associationId" = s.association_id AND v.id = s.version_id`,
    [now],
  );
  await client.query(
    `INSERT INTO "SupportType" ("associationId", key, "labelAr", "labelEn", "sortOrder", active)
     SELECT a.id, t.key, t."labelAr", t."labelEn", t."sortOrder", t.active
     FROM bench_assoc a JOIN bench_src s ON s.s = a.src JOIN "SupportType" t ON t."associationId" = s.association_id`,
  );
  await client.query(
    `INSERT INTO "PrivacyNotice" ("associationId", version, "textAr", "textEn", "healthTextAr", "healthTextEn", "createdAt")
     SELECT a.id, 1, p."textAr", p."textEn", p."healthTextAr", p."healthTextEn", $1::timestamptz - interval '290 days'
     FROM bench_assoc a JOIN bench_src s ON s.s = a.src JOIN "PrivacyNotice" p ON p."associationId" = s.association_id AND p.version = 1`,
    [now],
  );
  await client.query(
    `INSERT INTO "ReferenceCounter" ("associationId", series, year, last) SELECT id, 'R', $1::int, $2::int FROM bench_assoc`,
    [hijriYear, requests],
  );

  // Staff: one admin, officers, researchers, committee and board members per association.
  const staff = STAFF.map(([role, count]) => `('${role}', ${count})`).join(", ");
  await client.query(
    `CREATE TEMP TABLE bench_staff AS
     SELECT a.idx, a.id AS association_id, r.role, k, md5('user:' || a.idx || ':' || r.role || ':' || k)::uuid AS user_id
     FROM bench_assoc a CROSS JOIN (VALUES ${staff}) AS r(role, n) CROSS JOIN LATERAL generate_series(1, r.n) k`,
  );
  await client.query(
    `INSERT INTO "User" (id, email, name, "createdAt", "updatedAt")
     SELECT user_id, lower(role) || k || '.' || idx || '@bench.alaqa.test',
            pg_temp.pick($2::text[], pg_temp.rnd(idx * 100 + k, 2)) || ' ' || pg_temp.pick($3::text[], pg_temp.rnd(idx * 100 + k, 3)),
            $1::timestamptz - interval '1 year', $1::timestamptz - interval '1 year'
     FROM bench_staff`,
    [now, FIRST_NAMES, FAMILY_NAMES],
  );
  await client.query(
    `INSERT INTO "Membership" ("associationId", "userId", roles, "isChair", "createdAt", "updatedAt")
     SELECT association_id, user_id, ARRAY[role]::"Role"[], role = 'BOARD' AND k = 1,
            $1::timestamptz - interval '1 year' + k * interval '1 minute', $1::timestamptz - interval '1 year'
     FROM bench_staff`,
    [now],
  );
  await client.query(
    `INSERT INTO "PolicyAttestation" ("associationId", "policyVersionId", "userId", "attestedAt")
     SELECT s.association_id, a.version_id, s.user_id, $1::timestamptz - interval '280 days'
     FROM bench_staff s JOIN bench_assoc a ON a.idx = s.idx WHERE s.role IN ('OFFICER', 'RESEARCHER', 'COMMITTEE')`,
    [now],
  );
  await client.query(`CREATE INDEX ON bench_staff (idx)`);
  await client.query(
    `ALTER TABLE bench_assoc ADD COLUMN officers uuid[], ADD COLUMN researchers uuid[], ADD COLUMN committee uuid[];
     UPDATE bench_assoc a SET
       officers = ARRAY(SELECT user_id FROM bench_staff s WHERE s.idx = a.idx AND role = 'OFFICER' ORDER BY k),
       researchers = ARRAY(SELECT user_id FROM bench_staff s WHERE s.idx = a.idx AND role = 'RESEARCHER' ORDER BY k),
       committee = ARRAY(SELECT user_id FROM bench_staff s WHERE s.idx = a.idx AND role = 'COMMITTEE' ORDER BY k)`,
  );

  // The post-service survey, its first version a year ago and its second six months ago.
  await client.query(
    `INSERT INTO "Survey" ("associationId", id, "titleAr", "titleEn", anonymous, "postService", "publicLink", active, draft, "currentVersion", "createdAt", "updatedAt")
     SELECT id, survey_id, $2::jsonb->'title'->>'ar', $2::jsonb->'title'->>'en', true, true, true, true, $2::jsonb, 2,
            $1::timestamptz - interval '13 months', $1::timestamptz - interval '6 months'
     FROM bench_assoc`,
    [now, JSON.stringify(v2)],
  );
  await client.query(
    `INSERT INTO "SurveyVersion" ("associationId", id, "surveyId", number, content, "publishedAt")
     SELECT id, sv1, survey_id, 1, $2::jsonb, $1::timestamptz - interval '13 months' FROM bench_assoc
     UNION ALL
     SELECT id, sv2, survey_id, 2, $3::jsonb, $1::timestamptz - interval '6 months' FROM bench_assoc`,
    [now, JSON.stringify(DEFAULT_SURVEY), JSON.stringify(v2)],
  );
  await client.query("COMMIT");
}

/** Requests from..to of every association (R each), with steps, events, votes and invitations. */
async function requests(client: pg.Client, from: number, to: number, R: number, days: number, now: Date, hijriYear: number) {
  await client.query("BEGIN");
  // Stages: when (submission spread over `days`, due by the policy's deadline), whether decided
  // (90 % of those past due, fewer the younger), then the status and its dates.
  await client.query(
    `CREATE TEMP TABLE bench_req ON COMMIT DROP AS
     WITH base AS MATERIALIZED (
       SELECT a.idx, a.id AS association_id, a.version_id, a.deadline_days, a.health, n, a.idx::bigint * 1000000 + n AS g,
              pg_temp.pick(a.channels, pg_temp.rnd(a.idx::bigint * 1000000 + n, 6)) AS channel_key,
              pg_temp.pick(a.support_types, pg_temp.rnd(a.idx::bigint * 1000000 + n, 7)) AS support_type_key,
              pg_temp.pick(a.officers, pg_temp.rnd(a.idx::bigint * 1000000 + n, 16)) AS officer,
              pg_temp.pick(a.researchers, pg_temp.rnd(a.idx::bigint * 1000000 + n, 18)) AS researcher,
              pg_temp.pick(a.committee, pg_temp.rnd(a.idx::bigint * 1000000 + n, 19)) AS committee_member,
              $1::timestamptz - make_interval(secs => $4::float8 * 86400 * (1 - (n - 1 + pg_temp.rnd(a.idx::bigint * 1000000 + n, 1)) / $5::float8)) AS submitted_at
       FROM bench_assoc a CROSS JOIN generate_series($2::int, $3::int) AS n
     ), due AS MATERIALIZED (
       SELECT b.*, pg_temp.riyadh_eod(b.submitted_at + b.deadline_days * interval '1 day') AS due_at,
              extract(epoch FROM $1::timestamptz - b.submitted_at) / 86400 AS age_days
       FROM base b
     ), fate AS MATERIALIZED (
       SELECT d.*, CASE WHEN d.due_at < $1::timestamptz THEN pg_temp.rnd(g, 2) < 0.9
                        ELSE pg_temp.rnd(g, 2) < 0.8 * d.age_days / d.deadline_days END AS decided
       FROM due d
     ), dec AS MATERIALIZED (
       SELECT f.*, CASE WHEN decided THEN submitted_at
                     + greatest(least(age_days - 0.05, deadline_days * 1.2), 0.01) * (0.15 + 0.85 * pg_temp.rnd(g, 3)) * interval '1 day' END AS decided_at
       FROM fate f
     ), st AS MATERIALIZED (
       SELECT x.*, CASE
           WHEN NOT decided AND (age_days < 2 OR pg_temp.rnd(g, 4) < 0.35) THEN 'RECEIVED'
           WHEN NOT decided AND pg_temp.rnd(g, 4) < 0.7 THEN 'IN_RESEARCH'
           WHEN NOT decided THEN 'IN_COMMITTEE'
           WHEN pg_temp.rnd(g, 4) < 0.2 THEN 'REJECTED'
           WHEN $1::timestamptz - decided_at > interval '7 days' AND pg_temp.rnd(g, 5) < 0.8 THEN 'DELIVERED'
           WHEN $1::timestamptz - decided_at > interval '2 days' AND pg_temp.rnd(g, 5) < 0.9 THEN 'REGISTERED'
           ELSE 'ACCEPTED' END AS status
       FROM dec x
     )
     SELECT s.idx, s.g, s.association_id, md5('request:' || s.g)::uuid AS id,
            $6::text || '-' || CASE WHEN n < 100000 THEN lpad(n::text, 5, '0') ELSE n::text END AS reference,
            s.version_id, s.channel_key, s.support_type_key,
            pg_temp.pick($7::text[], pg_temp.rnd(g, 8)) || ' ' || pg_temp.pick($8::text[], pg_temp.rnd(g, 9)) || ' ' || pg_temp.pick($9::text[], pg_temp.rnd(g, 10)) AS applicant_name,
            CASE WHEN pg_temp.rnd(g, 11) < 0.85 THEN 'NATIONAL_ID' WHEN pg_temp.rnd(g, 11) < 0.97 THEN 'IQAMA' ELSE 'PASSPORT' END AS id_type,
            CASE WHEN pg_temp.rnd(g, 11) < 0.85 THEN '1' WHEN pg_temp.rnd(g, 11) < 0.97 THEN '2' ELSE 'P' END || lpad((g % 1000000000)::text, 9, '0') AS id_number,
            '+9665' || lpad(((g * 7919) % 100000000)::text, 8, '0') AS phone,
            CASE WHEN pg_temp.rnd(g, 12) < 0.3 THEN 'applicant' || g || '@example.com' END AS email,
            pg_temp.pick($10::text[], pg_temp.rnd(g, 13)) AS city,
            1 + floor(pg_temp.rnd(g, 14) * 9)::int AS household_size,
            pg_temp.pick($11::text[], pg_temp.rnd(g, 15)) AS description,
            CASE WHEN pg_temp.rnd(g, 17) < 0.9 THEN 'ar' ELSE 'en' END AS locale,
            s.status, s.submitted_at, s.due_at, s.decided, s.decided_at,
            CASE WHEN s.health THEN true END AS health_consent,
            CASE WHEN s.channel_key = ANY($12::text[]) THEN s.officer END AS entered_by,
            CASE WHEN s.status <> 'RECEIVED' OR pg_temp.rnd(g, 20) < 0.5 THEN s.officer END AS assignee_id,
            CASE WHEN s.status NOT IN ('RECEIVED') THEN s.researcher END AS researcher_id,
            s.committee_member,
            CASE WHEN s.status = 'REJECTED' THEN 'REJECT' WHEN s.decided THEN 'ACCEPT' END AS decision,
            CASE WHEN s.decided THEN pg_temp.pick($13::text[], CASE WHEN s.status = 'REJECTED' THEN 0.5 ELSE 0.0 END + pg_temp.rnd(g, 21) * 0.3) END AS decision_reason,
            CASE WHEN s.status IN ('REGISTERED', 'DELIVERED') THEN s.decided_at + ($1::timestamptz - s.decided_at) * 0.25 END AS registered_at,
            CASE WHEN s.status = 'DELIVERED' THEN s.decided_at + ($1::timestamptz - s.decided_at) * 0.6 END AS delivered_at,
            CASE WHEN NOT s.decided AND s.due_at < $1::timestamptz - interval '1 day' AND pg_temp.rnd(g, 22) < 0.5 THEN s.due_at + interval '1 day' END AS escalated_at
     FROM st s ORDER BY s.submitted_at`,
    [now, from, to, days, R, String(hijriYear), FIRST_NAMES, FATHER_NAMES, FAMILY_NAMES, CITIES, DESCRIPTIONS, STAFF_CHANNELS, REASONS],
  );
  await client.query(
    `INSERT INTO "SupportRequest" ("associationId", id, reference, "policyVersionId", "channelKey", "supportTypeKey", "applicantName", "idType", "idNumber",
       phone, email, city, "householdSize", description, locale, status, "submittedAt", "dueAt", "privacyNoticeVersion", "healthConsent",
       "accuracyDeclaredAt", "enteredById", "assigneeId", "researcherId", decision, "decisionReason", "decidedAt", "registeredAt", "deliveredAt",
       "escalatedAt", "updatedAt")
     SELECT association_id, id, reference, version_id, channel_key, support_type_key, applicant_name, id_type::"IdType", id_number,
       phone, email, city, household_size, description, locale, status::"RequestStatus", submitted_at, due_at, 1, health_consent,
       submitted_at, entered_by, assignee_id, researcher_id, decision::"CommitteeChoice", decision_reason, decided_at, registered_at, delivered_at,
       escalated_at, greatest(submitted_at, decided_at, registered_at, delivered_at, escalated_at)
     FROM bench_req`,
  );
  // The checklist as the intake writes it, ticked as far as the status has come.
  await client.query(
    `INSERT INTO "RequestStep" ("associationId", "requestId", position, key, "textAr", "textEn", "doneAt", "doneById")
     SELECT r.association_id, r.id, s.pos - 1, s.step->>'key', s.step->'text'->>'ar', s.step->'text'->>'en',
            CASE WHEN s.pos <= d.done THEN r.submitted_at + (coalesce(r.delivered_at, r.decided_at, $1::timestamptz) - r.submitted_at) * (s.pos / (d.done + 1.0)) END,
            CASE WHEN s.pos <= d.done THEN coalesce(r.assignee_id, r.entered_by, r.researcher_id, r.committee_member) END
     FROM bench_req r JOIN bench_assoc a ON a.idx = r.idx
     CROSS JOIN LATERAL (SELECT jsonb_array_length(a.steps) AS total) t
     CROSS JOIN LATERAL (SELECT CASE r.status WHEN 'RECEIVED' THEN 1 WHEN 'IN_RESEARCH' THEN 2 WHEN 'IN_COMMITTEE' THEN 3
                                 WHEN 'REGISTERED' THEN t.total - 1 WHEN 'DELIVERED' THEN t.total ELSE 4 END AS done) d
     CROSS JOIN LATERAL jsonb_array_elements(a.steps) WITH ORDINALITY AS s(step, pos)`,
    [now],
  );
  // The timeline: submitted, then each move the status implies, at increasing times.
  await client.query(
    `INSERT INTO "RequestEvent" ("associationId", id, "requestId", type, "actorId", data, "createdAt")
     SELECT r.association_id, md5('event:' || r.g || ':' || e.type)::uuid, r.id, e.type, e.actor, e.data, e.at
     FROM bench_req r
     CROSS JOIN LATERAL (SELECT coalesce(r.decided_at, $1::timestamptz) - r.submitted_at AS span) sp
     CROSS JOIN LATERAL (VALUES
       ('SUBMITTED', r.entered_by, jsonb_build_object('channelKey', r.channel_key) || CASE WHEN r.entered_by IS NULL THEN '{}'::jsonb ELSE '{"enteredBy":"STAFF"}'::jsonb END, r.submitted_at, true),
       ('ASSIGNED', r.assignee_id, jsonb_build_object('assigneeId', r.assignee_id), r.submitted_at + sp.span * 0.05, r.assignee_id IS NOT NULL),
       ('REFERRED_TO_RESEARCH', r.assignee_id, jsonb_build_object('researcherId', r.researcher_id), r.submitted_at + sp.span * 0.15, r.researcher_id IS NOT NULL),
       ('RESEARCH_NOTE', r.researcher_id, jsonb_build_object('text', pg_temp.pick($2::text[], pg_temp.rnd(r.g, 23))), r.submitted_at + sp.span * 0.4,
          r.researcher_id IS NOT NULL AND (r.status <> 'IN_RESEARCH' OR pg_temp.rnd(r.g, 24) < 0.5)),
       ('SENT_TO_COMMITTEE', r.researcher_id, '{}'::jsonb, r.submitted_at + sp.span * 0.7, r.status NOT IN ('RECEIVED', 'IN_RESEARCH')),
       ('COMMITTEE_VOTE', r.committee_member, jsonb_build_object('choice', r.decision, 'reason', r.decision_reason), r.decided_at - interval '1 minute', r.decided),
       ('DECIDED', r.committee_member, jsonb_build_object('decision', r.decision, 'reason', r.decision_reason), r.decided_at, r.decided),
       ('REGISTERED', r.assignee_id, '{}'::jsonb, r.registered_at, r.registered_at IS NOT NULL),
       ('DELIVERED', r.assignee_id, '{}'::jsonb, r.delivered_at, r.delivered_at IS NOT NULL),
       ('SURVEY_INVITED', NULL::uuid, '{}'::jsonb, r.delivered_at + interval '1 second', r.delivered_at IS NOT NULL),
       ('ESCALATED', NULL::uuid, jsonb_build_object('overdueSince', r.due_at), r.escalated_at, r.escalated_at IS NOT NULL)
     ) AS e(type, actor, data, at, ok)
     WHERE e.ok`,
    [now, NOTES],
  );
  await client.query(
    `INSERT INTO "CommitteeVote" ("associationId", id, "requestId", "userId", choice, reason, "createdAt")
     SELECT association_id, md5('vote:' || g)::uuid, id, committee_member, decision::"CommitteeChoice", decision_reason, decided_at - interval '1 minute'
     FROM bench_req WHERE decided`,
  );
  // The survey link sent at delivery; about 45 % answered within days.
  await client.query(
    `INSERT INTO "SurveyInvitation" ("associationId", id, "surveyId", "requestId", "tokenHash", "expiresAt", "usedAt", "createdAt")
     SELECT r.association_id, md5('invitation:' || r.g)::uuid, a.survey_id, r.id, encode(sha256(convert_to('token:' || r.g, 'UTF8')), 'hex'),
            r.delivered_at + interval '30 days',
            CASE WHEN pg_temp.rnd(r.g, 25) < 0.45 THEN least($1::timestamptz, r.delivered_at + pg_temp.rnd(r.g, 26) * interval '3 days') END,
            r.delivered_at + interval '1 second'
     FROM bench_req r JOIN bench_assoc a ON a.idx = r.idx WHERE r.delivered_at IS NOT NULL`,
    [now],
  );
  await client.query("COMMIT");
}

/** The responses of the month m months before this one (Riyadh), interleaved across associations. */
async function responses(client: pg.Client, m: number, perAssociation: number, now: Date) {
  const riyadh = new Date(now.getTime() + 3 * 60 * 60 * 1000);
  const first = new Date(Date.UTC(riyadh.getUTCFullYear(), riyadh.getUTCMonth() - m, 1));
  const month = first.toISOString().slice(0, 7);
  // A response's questions are those of the version it answered (the second from six months ago).
  await client.query(
    `INSERT INTO "SurveyResponse" ("associationId", id, "surveyId", "versionId", source, "channelKey", month, answers)
     SELECT a.id, md5('response:' || k.key)::uuid, a.survey_id, CASE WHEN $2::int >= 6 THEN a.sv1 ELSE a.sv2 END,
            CASE WHEN pg_temp.rnd(k.key, 1) < 0.6 THEN 'INVITATION' ELSE 'PUBLIC_LINK' END::"SurveySource",
            CASE WHEN pg_temp.rnd(k.key, 1) < 0.6 THEN pg_temp.pick(a.channels, pg_temp.rnd(k.key, 2)) END,
            $1::text,
            jsonb_strip_nulls(jsonb_build_object(
              'q-ease', pg_temp.score5(0.5 * mood + 0.5 * pg_temp.rnd(k.key, 3)),
              'q-speed', pg_temp.score5(0.5 * mood + 0.5 * pg_temp.rnd(k.key, 4)),
              'q-respect', pg_temp.score5(0.5 * mood + 0.5 * pg_temp.rnd(k.key, 5)),
              'q-clarity', pg_temp.score5(0.5 * mood + 0.5 * pg_temp.rnd(k.key, 6)),
              'q-overall', pg_temp.score5(0.7 * mood + 0.3 * pg_temp.rnd(k.key, 7)),
              'q-recommend', pg_temp.score11(0.6 * mood + 0.4 * pg_temp.rnd(k.key, 8)),
              'q-heard', CASE WHEN pg_temp.rnd(k.key, 9) < 0.7 THEN pg_temp.pick(ARRAY['social', 'relative', 'website', 'other'], pg_temp.rnd(k.key, 10)) END,
              'q-contact', CASE WHEN $2::int < 6 AND pg_temp.rnd(k.key, 11) < 0.6 THEN
                (CASE WHEN pg_temp.rnd(k.key, 12) < 0.3 THEN '["phone","visit"]'::jsonb
                      ELSE jsonb_build_array(pg_temp.pick(ARRAY['phone', 'visit', 'online'], pg_temp.rnd(k.key, 13))) END) END,
              'q-comments', CASE WHEN pg_temp.rnd(k.key, 14) < 0.12 THEN pg_temp.pick($3::text[], pg_temp.rnd(k.key, 15)) END))
     FROM bench_assoc a
     CROSS JOIN LATERAL generate_series($2::int + 1, $4::int, 12) AS r
     CROSS JOIN LATERAL (SELECT a.idx::bigint * 1000000 + r AS key) k
     CROSS JOIN LATERAL (SELECT pg_temp.rnd(k.key, 0) AS mood) md
     ORDER BY pg_temp.rnd(k.key, 16)`,
    [month, m, COMMENTS, perAssociation],
  );
}

/** Row counts of the generated tables, requests by status and overdue now (for the report). */
export async function rowCounts(client: pg.Client) {
  const tables = ["Association", "User", "Membership", "SupportRequest", "RequestStep", "RequestEvent", "CommitteeVote", "SurveyInvitation", "SurveyResponse"];
  const rows: Record<string, number> = {};
  for (const table of tables) {
    rows[table] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n;
  }
  const byStatus = await client.query<{ status: string; n: number }>(`SELECT status::text, count(*)::int AS n FROM "SupportRequest" GROUP BY 1 ORDER BY 1`);
  const overdue = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "SupportRequest" WHERE status IN ('RECEIVED', 'IN_RESEARCH', 'IN_COMMITTEE') AND "dueAt" < now()`,
  );
  return { rows, statuses: Object.fromEntries(byStatus.rows.map((r) => [r.status, r.n])), overdue: overdue.rows[0].n };
}

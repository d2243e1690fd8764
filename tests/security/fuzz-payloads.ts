import { withCheckDigit } from "../../lib/requests/identity";
import { INJECTIONS, INVISIBLES, mixDigits } from "../helpers/fuzz-strings";
import { prng } from "../helpers/prng";

// The HTTP fuzz run's payloads: each a public form's valid-looking base, then broken in one way
// (its kind). Deterministic: the same seed makes the same 10,000 payloads.

/** Payloads per endpoint; 10,000 in all. */
export const PER_ENDPOINT = {
  "intake-js": 2200,
  "intake-html": 1800,
  "track-code": 1200,
  "track-verify": 1000,
  complaint: 1400,
  survey: 1200,
  "sign-in": 1200,
} as const;
export type Endpoint = keyof typeof PER_ENDPOINT;

export const KINDS = ["wrong-type", "huge", "invisible", "digits", "sql", "html", "missing", "extra", "encoding"] as const;
export type Kind = (typeof KINDS)[number];

/** Ordered name/value pairs: a name may repeat (the server reads an array). */
export type Fields = [string, string][];

export type Payload = {
  n: number;
  endpoint: Endpoint;
  kind: Kind;
  fields: Fields;
  /** For JS action posts: the action's argument row, when it is not the usual (state, FormData). */
  argumentRow?: string;
  /** Personal data and markers sent: none may reach the server log. */
  secrets: string[];
};

export type Question = { key: string; type: string; options: string[] };
export type FormContext = { supportType: string; channel: string; surveyId: string; versionId: string; questions: Question[]; health: boolean };

/** Stands for bytes that are not UTF-8; the sender splices them into the body (tests/security/fuzz-send.ts). */
export const BAD_BYTES = "\uffff";
/** Marker of hostile text, so the log check can find any of it. */
export const markerOf = (n: number) => `fz${n}q`;

type Rng = ReturnType<typeof prng>;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** The payload's own applicant: a national ID and mobile number no other payload uses. */
function person(n: number) {
  return { idNumber: withCheckDigit(`1${pad(40_000_000 + n, 8)}`), phone: `056${pad(n, 7)}` };
}

function baseForm(endpoint: Endpoint, n: number, ctx: FormContext): Fields {
  const { idNumber, phone } = person(n);
  switch (endpoint) {
    case "intake-js":
    case "intake-html":
      return [
        ["applicantName", "مستفيد اختبار"],
        ["idType", "NATIONAL_ID"],
        ["idNumber", idNumber],
        ["phone", phone],
        ["email", ""],
        ["city", "تبوك"],
        ["householdSize", "4"],
        ["supportTypeKey", ctx.supportType],
        ["description", "طلب مساعدة لاختبار النموذج بنص كاف."],
        ["channelKey", ctx.channel],
        ["privacyConsent", "on"],
        ...(ctx.health ? ([["healthConsent", "on"]] as Fields) : []),
        ["accuracyDeclaration", "on"],
        ["website", ""],
      ];
    case "track-code":
      return [
        ["reference", `1448-${pad(n, 5)}`],
        ["mobile", phone],
      ];
    case "track-verify":
      return [
        ["reference", `1448-${pad(n, 5)}`],
        ["code", pad(n % 1_000_000, 6)],
      ];
    case "complaint":
      return [
        ["kind", "COMPLAINT"],
        ["body", "شكوى اختبار بخصوص تأخر الرد على الطلب."],
        ["name", ""],
        ["mobile", phone],
        ["email", ""],
        ["requestReference", ""],
        ["website", ""],
      ];
    case "survey":
      return [["surveyId", ctx.surveyId], ["versionId", ctx.versionId], ...ctx.questions.map((q): [string, string] => [`a_${q.key}`, answerOf(q)])];
    case "sign-in":
      return [
        ["email", `fuzz${n}@example.org`],
        ["password", "Wrong-pass-2026"],
        ["json", "true"],
      ];
  }
}

function answerOf(q: Question): string {
  if (q.type === "RATING") return "4";
  if (q.type === "NPS") return "9";
  if (q.type === "TEXT") return "خدمة جيدة";
  return q.options[0] ?? "";
}

const WRONG_TYPES = ['{"$gt":""}', '["a","b"]', "1e308", "-1", "NaN", "Infinity", "0x10", "99999999999999999999", "true", "null", "undefined", "[object Object]"];
const OTHER_DIGITS = ["\u096a", "\uff15", "\u09ec", "\ud835\udfd3", "\u0f24"]; // Devanagari 4, fullwidth 5, Bengali 6, bold 5, Tibetan 4
const EXTRA_NAMES = ["__proto__", "constructor", "associationId", "status", "role", "isOperator", "a_qunknown", "$ACTION_ID_0", "$ACTION_REF_1", "id", "token"];
/** Replacements of the action's (state, FormData) argument row: a client chooses them. */
const ARGUMENT_ROWS = ['[{},5]', '[{},"x"]', "[]", "{}", '[{},{"a":1}]', '[{},"$K2"]', '[null,null]', '["$K1"]'];
/** Rows Next itself fails on before any app code runs (HTTP 500): see fuzz.test.ts. */
export const FRAMEWORK_FAILURES = { argumentRows: ["null", "not json"], bodyBytes: 1_100_000 };

/** Fields of a form that hold a value (the honeypot and fixed flags are left alone unless missing). */
const targets = (fields: Fields) => fields.filter(([name]) => name !== "website" && name !== "json").map(([name]) => name);

function mutate(rng: Rng, kind: Kind, form: Fields, n: number): { fields: Fields; argumentRow?: string } {
  const marker = markerOf(n);
  const names = targets(form);
  const chosen = new Set(Array.from({ length: 1 + Math.floor(rng() * 3) }, () => pick(rng, names)));
  const map = (f: (value: string, name: string) => string) => form.map(([name, value]): [string, string] => [name, chosen.has(name) ? f(value, name) : value]);
  // Injections and extras also drop a required field most of the time, so the form is refused
  // and (without JavaScript) shown again with what was typed.
  const dropOne = (fields: Fields) => (rng() < 0.75 ? fields.filter(([name]) => name !== pick(rng, names)) : fields);
  switch (kind) {
    case "wrong-type": {
      if (rng() < 0.1) return { fields: form, argumentRow: pick(rng, ARGUMENT_ROWS) };
      const fields: Fields = [];
      for (const [name, value] of form) {
        if (!chosen.has(name)) fields.push([name, value]);
        else if (rng() < 0.5) fields.push([name, value], [name, pick(rng, WRONG_TYPES)], [name, marker]); // an array
        else fields.push([name, pick(rng, WRONG_TYPES)]);
      }
      return { fields };
    }
    case "huge": {
      // One field of 100–110 KB; every 40th payload 1 MB of ASCII, which still fits under Next's
      // 1 MB limit for a server action's body (beyond it Next answers 500: see fuzz.test.ts).
      const field = pick(rng, names);
      const value = n % 40 === 0 ? "a".repeat(1_000_000) : pick(rng, ["ب", "a", "٣", " ", "<"]).repeat(100_000 + Math.floor(rng() * 10_000));
      return { fields: form.map(([name, v]): [string, string] => [name, name === field ? `${marker}${value}` : v]) };
    }
    case "invisible":
      return { fields: map((value) => [...value].map((c, i) => (i % 3 === 0 ? pick(rng, INVISIBLES) : "") + c).join("") + pick(rng, INVISIBLES)) };
    case "digits": {
      const other = rng() < 0.5;
      return { fields: map((value) => mixDigits(value.replace(/\d/g, (d) => (other && rng() < 0.3 ? pick(rng, OTHER_DIGITS) : d)), () => Math.floor(rng() * 3))) };
    }
    case "sql":
      return { fields: dropOne(map(() => `${marker} ${pick(rng, INJECTIONS.slice(0, 4))}`)) };
    case "html":
      return { fields: dropOne(map(() => `${marker} ${pick(rng, INJECTIONS.slice(4, 7))}`)) };
    case "missing":
      return { fields: form.filter(([name]) => !chosen.has(name) && rng() < 0.7) };
    case "extra": {
      const extra = Array.from({ length: 1 + Math.floor(rng() * 5) }, (): [string, string] => [pick(rng, EXTRA_NAMES), `${marker}${pick(rng, WRONG_TYPES)}`]);
      return { fields: dropOne([...form, ...extra]) };
    }
    case "encoding":
      return { fields: map((value) => `${value.slice(0, 3)}${BAD_BYTES}${marker}${BAD_BYTES}`) };
  }
}

/** The run's payloads, endpoint by endpoint, kinds in turn. */
export function generatePayloads(ctx: FormContext, seed = 20260614): Payload[] {
  const rng = prng(seed);
  const payloads: Payload[] = [];
  let n = 0;
  for (const [endpoint, count] of Object.entries(PER_ENDPOINT) as [Endpoint, number][]) {
    for (let i = 0; i < count; i++) {
      n++;
      const kind = KINDS[i % KINDS.length];
      const { fields, argumentRow } = mutate(rng, kind, baseForm(endpoint, n, ctx), n);
      const { idNumber, phone } = person(n);
      payloads.push({ n, endpoint, kind, fields, argumentRow, secrets: [markerOf(n), idNumber, phone.slice(1)] });
    }
  }
  return payloads;
}

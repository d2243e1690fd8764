/** @jest-environment node */
import "../fast-bcrypt";
import fc from "fast-check";
import type { z } from "zod";
import { resolveAccess, runAction, type Scope, type Service } from "@/lib/auth/access";
import type { Database } from "@/lib/db/client";
import { luhnValid, withCheckDigit } from "@/lib/requests/identity";
import * as intakeActions from "@/lib/requests/intake-actions";
import { hasInvisible } from "@/lib/text";
import { engineName, freshDatabase } from "../../helpers/db";
import { INVISIBLES, mixedDigits, nastyValue, withInvisibles } from "../../helpers/fuzz-strings";
import { hasMessage, seedWithAccounts, tenant } from "../fixtures";

// The public intake action as the app runs it (guard core → zod → service in a transaction) on a
// real database, under arbitrary forms: a valid one writes exactly one request; a refused one
// writes no row in any table.

jest.mock("@/lib/auth/guard", () => ({ guardedAction: (scope: unknown, schema: unknown, service: unknown) => ({ scope, schema, service }) }));

type Bound = { scope: Scope; schema: z.ZodType; service: Service<z.ZodType> };
const PUBLIC = intakeActions.submitRequestAction as unknown as Bound;
const SLUG = "alhilah";

let db: Database;
beforeAll(async () => {
  db = await freshDatabase();
  await seedWithAccounts(db.prisma);
});
afterAll(() => db.close());

let serial = 0;
/** A fresh applicant and client address per form, so neither a duplicate nor a rate limit refuses it. */
const fresh = () => {
  const n = ++serial;
  return { idNumber: withCheckDigit(`1${String(70_000_000 + n).padStart(8, "0")}`), phone: `059${String(n).padStart(7, "0")}`, ip: `198.18.${n >> 8}.${n & 255}` };
};

const words = fc.string({ unit: fc.constantFrom(..."نورة خالد abc"), minLength: 3, maxLength: 40 }).filter((w) => w.trim().length >= 2);
const validForm = fc.record({
  applicantName: fc.oneof(words, withInvisibles(words).filter((w) => w.replace(/[^\p{L}]/gu, "").length >= 2)),
  city: words,
  householdSize: fc.integer({ min: 1, max: 50 }).chain((n) => mixedDigits(String(n))),
  description: fc.string({ unit: fc.constantFrom(..."وصف الحاجة للدعم\n"), minLength: 20, maxLength: 200 }).filter((d) => d.trim().length >= 10),
  digits: fc.nat(2 ** 20),
});

/** Changes that the schema or the service must refuse. */
const BREAKAGES: [string, unknown][] = [
  ["privacyConsent", undefined],
  ["accuracyDeclaration", ""],
  ["idNumber", "1000000009"],
  ["phone", "0591234567x"],
  ["householdSize", "51"],
  ["channelKey", "NO_SUCH_CHANNEL"],
  ["supportTypeKey", "no-such-type"],
  ["supportTypeKey", `food-basket${INVISIBLES[0]}`],
  ["description", "قصير"],
  ["website", "http://spam.example"],
  ["applicantName", ["أ", "ب"]],
];

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await db.prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
  const out: Record<string, number> = {};
  for (const { name } of tables) out[name] = Number((await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${name}"`))[0].n);
  return out;
}

async function submit(raw: Record<string, unknown>, ip: string) {
  const access = await resolveAccess(db.prisma, { kind: "tenant", tenant: await tenant(db.prisma, SLUG) }, null, PUBLIC.scope);
  const { state } = await runAction(db.prisma, access!, { locale: "ar", ip }, PUBLIC.schema, PUBLIC.service, raw);
  for (const key of [state.error, ...Object.values(state.fieldErrors ?? {})].filter(Boolean)) expect({ key, ok: hasMessage(key) }).toEqual({ key, ok: true });
  return state;
}

function formOf(input: { applicantName: string; city: string; householdSize: string; description: string; digits: number }, person: ReturnType<typeof fresh>) {
  return {
    applicantName: input.applicantName,
    idType: "NATIONAL_ID",
    idNumber: mixDigitsOf(person.idNumber, input.digits),
    phone: mixDigitsOf(person.phone, input.digits >> 10),
    city: input.city,
    householdSize: input.householdSize,
    supportTypeKey: "food-basket",
    description: input.description,
    channelKey: "WEBSITE",
    privacyConsent: "on",
    accuracyDeclaration: "on",
    website: "",
  };
}

/** Digits in Arabic-Indic where `bits` says so. */
const mixDigitsOf = (value: string, bits: number) => value.replace(/\d/g, (d, i: number) => ((bits >> i) & 1 ? String.fromCharCode(0x0660 + Number(d)) : d));

describe(`intake under arbitrary forms on ${engineName()}`, () => {
  it("a valid form writes exactly one request, normalized and without invisible characters", async () => {
    await fc.assert(
      fc.asyncProperty(validForm, fc.dictionary(fc.stringMatching(/^x[a-z]{1,6}$/), nastyValue, { maxKeys: 2 }), async (input, extra) => {
        const person = fresh();
        const before = await db.prisma.supportRequest.count();
        const state = await submit({ ...extra, ...formOf(input, person) }, person.ip);
        expect(state.ok).toBe(true);
        expect(await db.prisma.supportRequest.count()).toBe(before + 1);
        const row = await db.prisma.supportRequest.findFirstOrThrow({ where: { reference: state.data!.reference } });
        expect(row.idNumber).toBe(person.idNumber);
        expect(luhnValid(row.idNumber)).toBe(true);
        expect(row.phone).toBe(`+966${person.phone.slice(1)}`);
        for (const text of [row.applicantName, row.city, row.description]) {
          expect(hasInvisible(text)).toBe(false);
          expect(text).toBe(text.trim());
        }
      }),
      { numRuns: 15 },
    );
  });

  it.each(BREAKAGES)("a form with %s = %j is refused and writes no row in any table", async (field, value) => {
    await fc.assert(
      fc.asyncProperty(validForm, fc.dictionary(fc.stringMatching(/^x[a-z]{1,6}$/), nastyValue, { maxKeys: 2 }), async (input, extra) => {
        const person = fresh();
        const before = await rowCounts();
        const state = await submit({ ...extra, ...formOf(input, person), [field]: value }, person.ip);
        expect(state.ok).toBeUndefined();
        expect(await rowCounts()).toEqual(before);
      }),
      { numRuns: 3 },
    );
  });
});

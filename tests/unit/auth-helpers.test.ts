/** @jest-environment node */
import { z } from "zod";
import { slugSchema } from "@/lib/associations/service";
import { auditCsv, type listAuditEvents } from "@/lib/audit/repository";
import { redact } from "@/lib/audit/redact";
import { echoValues, fieldErrorsOf, formToObject, safeNext } from "@/lib/auth/form";
import { emailSchema, passwordSchema } from "@/lib/auth/password";
import { hashToken, isTokenShaped, newToken } from "@/lib/auth/tokens";
import { AppError, ERROR_STATUS } from "@/lib/errors";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";

const messagesOf = (result: { success: boolean; error?: z.ZodError }) => result.error?.issues.map((i) => i.message) ?? [];

/** A nested message key ("errors.LAST_ADMIN") in one language's messages. */
function message(messages: object, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), messages);
}
const inBothLanguages = (key: string) => typeof message(ar, key) === "string" && typeof message(en, key) === "string";

describe("passwordSchema", () => {
  it("accepts a long password with a letter and a digit or symbol", () => {
    expect(passwordSchema.safeParse("Correct-horse-7").success).toBe(true);
    expect(passwordSchema.safeParse("كلمةمرورقوية2026").success).toBe(true);
  });

  it.each([
    ["short1!", "validation.passwordTooShort"],
    ["abcdefghijkl", "validation.passwordWeak"], // letters only
    ["1234567890!!", "validation.passwordWeak"], // no letter
    ["           ", "validation.passwordWeak"],
  ])("rejects %j with %s", (password, key) => {
    const result = passwordSchema.safeParse(password);
    expect(result.success).toBe(false);
    expect(messagesOf(result)).toContain(key);
  });

  it("counts UTF-8 bytes, not characters: Arabic letters take two bytes each", () => {
    const arabic = (n: number) => "ب".repeat(n);
    // 35 letters = 70 bytes, + "1!" = 72 bytes: the most bcrypt reads.
    expect(passwordSchema.safeParse(arabic(35) + "1!").success).toBe(true);
    // 36 letters + "1!" = 38 characters but 74 bytes.
    const tooLong = arabic(36) + "1!";
    expect(tooLong.length).toBeLessThan(72);
    const result = passwordSchema.safeParse(tooLong);
    expect(result.success).toBe(false);
    expect(messagesOf(result)).toEqual(["validation.passwordTooLong"]);
  });

  it("rejects more than 72 ASCII bytes too", () => {
    expect(passwordSchema.safeParse("a1".repeat(36)).success).toBe(true);
    expect(messagesOf(passwordSchema.safeParse("a1".repeat(36) + "x"))).toEqual(["validation.passwordTooLong"]);
  });
});

describe("emailSchema", () => {
  it("trims and lower-cases", () => {
    expect(emailSchema.parse("  Sara.Ali@Example.COM ")).toBe("sara.ali@example.com");
  });

  it.each(["", "sara", "sara@", "@example.com", "sara ali@example.com", "sara@@example.com", `${"a".repeat(250)}@x.sa`])(
    "rejects %j with validation.emailInvalid",
    (email) => {
      const result = emailSchema.safeParse(email);
      expect(result.success).toBe(false);
      expect(messagesOf(result)).toContain("validation.emailInvalid");
    },
  );
});

describe("safeNext", () => {
  it.each(["//evil.com", "//evil.com/admin", "/\\evil.com", "https://x", "http://evil.com/admin", "javascript:alert(1)", "admin", "", undefined])(
    "refuses %j",
    (next) => {
      expect(safeNext(next, "/fallback")).toBe("/fallback");
    },
  );

  it.each(["/", "/admin", "/en/admin?x=1", "/admin/members#list"])("keeps %j", (next) => {
    expect(safeNext(next, "/fallback")).toBe(next);
  });

  // URL parsers drop tabs and newlines: "/\t/evil.com" is "//evil.com" to a browser.
  it.each(["/\t/evil.com", "/\n/evil.com", "/\r\n/evil.com", "/\t\\evil.com", "/admin\u0000"])("refuses %j (control characters)", (next) => {
    expect(safeNext(next, "/fallback")).toBe("/fallback");
  });

  it("never lets the browser leave the site, whatever it is given", () => {
    const base = "http://qader.localhost:3000/en/sign-in";
    const candidates = ["//evil.com", "/\\evil.com", "/\t/evil.com", "/\n\\evil.com", "/.//evil.com", "/%2F%2Fevil.com", "/admin", "///evil.com", "/\u000b/evil.com"];
    for (const next of candidates) {
      expect(new URL(safeNext(next, "/"), base).host).toBe("qader.localhost:3000");
    }
  });
});

describe("formToObject and friends", () => {
  it("turns repeated names into arrays and drops Next's $ACTION fields and files", () => {
    const form = new FormData();
    form.append("email", "a@b.sa");
    form.append("roles", "ADMIN");
    form.append("roles", "BOARD");
    form.append("roles", "OFFICER");
    form.append("$ACTION_ID_abc", "x");
    form.append("$ACTION_REF_1", "y");
    form.append("upload", new Blob(["data"]), "file.txt");
    expect(formToObject(form)).toEqual({ email: "a@b.sa", roles: ["ADMIN", "BOARD", "OFFICER"] });
  });

  it("keeps a single value as a string", () => {
    const form = new FormData();
    form.append("roles", "ADMIN");
    expect(formToObject(form)).toEqual({ roles: "ADMIN" });
  });

  it("never echoes a password back to the form", () => {
    expect(echoValues({ email: "a@b.sa", password: "x", newPassword: "y", confirm: "z" })).toEqual({ email: "a@b.sa", confirm: "z" });
  });

  it("maps zod issues to the first validation.* key per field, anything else to validation.invalid", () => {
    const schema = z.object({ email: emailSchema, age: z.number(), nested: z.object({ slug: slugSchema }) });
    const result = schema.safeParse({ email: "nope", age: "x", nested: { slug: "www" } });
    expect(fieldErrorsOf(result.error!)).toEqual({
      email: "validation.emailInvalid",
      age: "validation.invalid",
      "nested.slug": "validation.slugReserved",
    });
  });
});

describe("redact", () => {
  it("keeps an e-mail's first letter and domain", () => {
    expect(redact("sara.ali@example.com")).toBe("s***@example.com");
    expect(redact({ email: "Mona@qader.org.sa" })).toEqual({ email: "M***@qader.org.sa" });
  });

  it("keeps a phone number's last two digits", () => {
    expect(redact("+966501234567")).toBe("***67");
    expect(redact("0501234589")).toBe("***89");
  });

  it("drops secrets by key, whatever their value", () => {
    const out = redact({ password: "Hunter-2-secret", token: "abc", passwordHash: "$2b$", apiSecret: { x: 1 }, tokenHash: "f".repeat(64) });
    expect(out).toEqual({ password: "[redacted]", token: "[redacted]", passwordHash: "[redacted]", apiSecret: "[redacted]", tokenHash: "[redacted]" });
    expect(JSON.stringify(out)).not.toMatch(/Hunter|abc|\$2b\$|ffff/);
  });

  it("works through nested objects and arrays, and leaves other values alone", () => {
    const input = {
      before: { roles: ["ADMIN"], isChair: false, contact: { email: "ahmad@x.sa", phone: "+966555000011" } },
      after: { roles: ["BOARD", "OFFICER"], isChair: true, invitees: ["noor@y.sa", "omar@z.sa"], credentials: { password: "p" } },
      count: 3,
      note: "no personal data here",
      empty: null,
    };
    expect(redact(input)).toEqual({
      before: { roles: ["ADMIN"], isChair: false, contact: { email: "a***@x.sa", phone: "***11" } },
      after: { roles: ["BOARD", "OFFICER"], isChair: true, invitees: ["n***@y.sa", "o***@z.sa"], credentials: { password: "[redacted]" } },
      count: 3,
      note: "no personal data here",
      empty: null,
    });
  });

  it("does not mistake short numbers for phone numbers", () => {
    expect(redact("2026")).toBe("2026");
    expect(redact({ sessionNumber: "1447" })).toEqual({ sessionNumber: "1447" });
  });
});

describe("slugSchema", () => {
  it.each([
    ["qader", "qader"],
    ["  Al-Hilah ", "al-hilah"],
    ["QADER2", "qader2"],
    ["abc", "abc"],
    ["a".repeat(63), "a".repeat(63)],
  ])("accepts %j as %j", (input, slug) => {
    expect(slugSchema.parse(input)).toBe(slug);
  });

  it.each([
    ["www", "validation.slugReserved"],
    ["api", "validation.slugReserved"],
    ["admin", "validation.slugReserved"],
    ["app", "validation.slugReserved"],
    ["WWW", "validation.slugReserved"],
    ["ab", "validation.slugLength"],
    ["a".repeat(64), "validation.slugLength"],
    ["qa_der", "validation.slugInvalid"],
    ["qa.der", "validation.slugInvalid"],
    ["قادر", "validation.slugInvalid"],
    ["-qader", "validation.slugInvalid"],
    ["qader-", "validation.slugInvalid"],
    ["qa--der", "validation.slugInvalid"],
  ])("rejects %j with %s", (input, key) => {
    const result = slugSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(messagesOf(result)).toContain(key);
  });
});

type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>["events"][number];

function row(overrides: Partial<AuditRow>): AuditRow {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    associationId: null,
    actorId: null,
    action: "member.invited",
    targetType: "Invitation",
    targetId: "t1",
    summary: null,
    ip: "127.0.0.1",
    createdAt: new Date("2026-01-02T03:04:05.000Z"),
    actor: null,
    ...overrides,
  };
}

/** RFC 4180 reader, enough to read auditCsv's output back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    cells.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endCell();
    else if (c === "\r" && text[i + 1] === "\n") {
      endCell();
      rows.push(cells);
      cells = [];
      i++;
    } else cell += c;
  }
  if (cell || cells.length) throw new Error("CSV does not end with CRLF");
  return rows;
}

describe("auditCsv", () => {
  it("starts with a BOM and a header, ends rows with CRLF", () => {
    const csv = auditCsv([row({})]);
    expect(csv.startsWith("\uFEFFtime,action,actor,target_type,target_id,summary,ip\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(parseCsv(csv.slice(1))).toEqual([
      ["time", "action", "actor", "target_type", "target_id", "summary", "ip"],
      ["2026-01-02T03:04:05.000Z", "member.invited", "", "Invitation", "t1", "", "127.0.0.1"],
    ]);
  });

  it("quotes cells with quotes, commas and newlines, and reads back the same text", () => {
    const tricky = 'He said "hi", then\nleft\r\nagain';
    const csv = auditCsv([row({ targetId: tricky, summary: { before: { roles: ["ADMIN", "BOARD"] }, after: null } })]);
    expect(csv).toContain('"He said ""hi"", then\nleft\r\nagain"');
    const [, cells] = parseCsv(csv.slice(1));
    expect(cells[4]).toBe(tricky);
    expect(JSON.parse(cells[5]!)).toEqual({ before: { roles: ["ADMIN", "BOARD"] }, after: null });
  });

  it.each(["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])(
    "defuses a formula-like cell %j with a leading quote",
    (value) => {
      const csv = auditCsv([row({ targetId: value, actor: { id: "u", name: null, email: value } })]);
      const [, cells] = parseCsv(csv.slice(1));
      expect(cells[2]).toBe(`'${value}`);
      expect(cells[4]).toBe(`'${value}`);
    },
  );

  it("keeps Arabic text and the actor's e-mail", () => {
    const csv = auditCsv([row({ targetId: "جمعية قادر", actor: { id: "u", name: "سارة", email: "sara@qader.sa" } })]);
    const [, cells] = parseCsv(csv.slice(1));
    expect(cells[2]).toBe("sara@qader.sa");
    expect(cells[4]).toBe("جمعية قادر");
  });
});

describe("tokens", () => {
  it("makes 43-character base64url tokens, each different", () => {
    const a = newToken();
    const b = newToken();
    expect(isTokenShaped(a)).toBe(true);
    expect(a).not.toBe(b);
  });

  it.each(["", "a".repeat(42), "a".repeat(44), "a".repeat(42) + "+", "a".repeat(42) + "/", "a".repeat(42) + "=", "../../" + "a".repeat(37), "a".repeat(42) + "\n"])(
    "rejects %j",
    (token) => {
      expect(isTokenShaped(token)).toBe(false);
    },
  );

  it("hashes with sha256: 64 hex characters, stable, different per token", () => {
    const token = newToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toBe(hashToken(newToken()));
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("message keys", () => {
  it("has errors.<code> in both languages for every error code", () => {
    const missing = Object.keys(ERROR_STATUS).filter((code) => !inBothLanguages(`errors.${code}`));
    expect(missing).toEqual([]);
  });

  it("has every validation key the schemas above produce", () => {
    const keys = [
      "validation.passwordTooShort",
      "validation.passwordTooLong",
      "validation.passwordWeak",
      "validation.emailInvalid",
      "validation.slugLength",
      "validation.slugInvalid",
      "validation.slugReserved",
      "validation.invalid",
      "validation.required",
      new AppError("INVALID_INPUT", "password", "validation.passwordWeak").key,
      new AppError("LAST_ADMIN").key,
    ];
    expect(keys.filter((key) => !inBothLanguages(key))).toEqual([]);
  });
});

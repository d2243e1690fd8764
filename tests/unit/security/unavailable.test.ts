/** @jest-environment node */
import { admitted, isDatabaseUnavailable } from "@/lib/db/unavailable";

describe("isDatabaseUnavailable", () => {
  it("recognises a database that is restarting, unreachable or out of connections", () => {
    const cases: unknown[] = [
      Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" }),
      Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" }),
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      Object.assign(new Error("driver error"), { name: "DriverAdapterError", cause: { kind: "postgres", originalCode: "57P03", message: "the database system is starting up" } }),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      new Error("Connection terminated unexpectedly"),
      new Error("Client has encountered a connection error and is not queryable"),
    ];
    for (const error of cases) expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("leaves real errors alone: a broken constraint or a bug is not 'send again later'", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("null value violates not-null constraint"), { code: "23502" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe("admitted", () => {
  it("runs up to the limit at once and turns the rest away without waiting", async () => {
    process.env.DB_MAX_TRANSACTIONS = "2";
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const running = [admitted(() => gate.then(() => "a")), admitted(() => gate.then(() => "b"))];
    await expect(admitted(async () => "c")).resolves.toBeNull();
    release();
    await expect(Promise.all(running)).resolves.toEqual(["a", "b"]);
    await expect(admitted(async () => "d")).resolves.toBe("d");
    delete process.env.DB_MAX_TRANSACTIONS;
  });
});

/** @jest-environment node */
import "../fast-bcrypt";
import { freshDatabase } from "../../helpers/db";
import { seedWithAccounts } from "../fixtures";
it("probe", async () => {
  const db = await freshDatabase();
  await seedWithAccounts(db.prisma);
  for (const [label, where] of [
    ["has", { roles: { has: "BOARD" } }],
    ["hasSome", { roles: { hasSome: ["BOARD", "OFFICER"] } }],
    ["hasSome1", { roles: { hasSome: ["BOARD"] } }],
    ["hasEvery", { roles: { hasEvery: ["BOARD"] } }],
    ["equals", { roles: { equals: ["BOARD"] } }],
  ] as const) {
    try {
      const n = await db.prisma.membership.count({ where: where as never });
      console.log(label, "ok", n);
    } catch (e) { console.log(label, "FAIL", (e as Error).message.split("\n").slice(-2).join(" ")); }
  }
  await db.close();
});

/** @jest-environment node */
jest.mock("@/lib/auth/guard", () => {
  const bind = (scope: unknown, schema: unknown, service: unknown) => ({ scope, schema, service });
  return { guardedAction: bind, guardedCall: bind };
});
import * as actions from "@/lib/policy/actions";
import { updateContactsAction } from "@/lib/associations/actions";
it("x", () => {
  console.log(Object.entries(actions).map(([k, v]) => [k, (v as any).scope]), (updateContactsAction as any).scope);
});

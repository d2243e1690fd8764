import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FormState } from "@/lib/auth/form";
import { renderIntl } from "./render";

let answer: FormState = {};
const received: FormData[] = [];
jest.mock("@/lib/requests/actions", () => ({
  toggleStepAction: async (_state: FormState, form: FormData) => (received.push(form), answer),
}));

import { Checklist, type ChecklistStep } from "@/components/requests/Checklist";

const requestId = "33333333-3333-4333-8333-333333333333";
const steps: ChecklistStep[] = [
  { position: 0, textAr: "استقبال المستفيد", textEn: "Receive the beneficiary", doneAt: "2026-11-24T07:15:00.000Z", doneByName: "مسؤول العلاقات" },
  { position: 1, textAr: "التأكد من اكتمال البيانات", textEn: null, doneAt: null, doneByName: null },
];

beforeEach(() => {
  answer = {};
  received.length = 0;
});

it("shows who ticked each step and when, and sends the opposite state when a box is clicked", async () => {
  renderIntl(<Checklist requestId={requestId} steps={steps} canEdit />);
  const first = screen.getByRole("checkbox", { name: /استقبال المستفيد/ });
  const second = screen.getByRole("checkbox", { name: /التأكد من اكتمال البيانات/ });
  expect(first).toBeChecked();
  expect(second).not.toBeChecked();
  // The "who and when" line describes the ticked box.
  expect(first).toHaveAccessibleDescription(/أنجزها مسؤول العلاقات في/);

  await userEvent.click(second);
  await waitFor(() => expect(received).toHaveLength(1));
  expect(Object.fromEntries(received[0]!)).toEqual({ requestId, position: "1", done: "true" });

  await userEvent.click(first);
  await waitFor(() => expect(received).toHaveLength(2));
  expect(Object.fromEntries(received[1]!)).toMatchObject({ position: "0", done: "false" });
});

it("shows the server's refusal localized beside the step", async () => {
  answer = { error: "errors.NOT_ATTESTED" };
  renderIntl(<Checklist requestId={requestId} steps={steps} canEdit />, "en");
  // English falls back to the Arabic text where the step has no translation.
  await userEvent.click(screen.getByRole("checkbox", { name: /Receive the beneficiary/ }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Read and confirm the policy in force before handling requests.");
});

it("is read-only for members who do not handle requests", () => {
  renderIntl(<Checklist requestId={requestId} steps={steps} canEdit={false} />);
  for (const box of screen.getAllByRole("checkbox")) expect(box).toBeDisabled();
  expect(screen.getByText("لا يعدّل الخطوات إلا مسؤول علاقات المستفيدين.")).toBeInTheDocument();
});

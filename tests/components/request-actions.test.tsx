import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FormState } from "@/lib/auth/form";
import { renderIntl } from "./render";

let answer: FormState = {};
const received: FormData[] = [];
jest.mock("@/lib/requests/actions", () => {
  const action = async (_state: FormState, form: FormData) => (received.push(form), answer);
  return { committeeVoteAction: action, researchNoteAction: action, assignAction: action };
});

import { AssignForm, ResearchNoteForm, VoteForm } from "@/components/requests/RequestActions";

const requestId = "33333333-3333-4333-8333-333333333333";

beforeEach(() => {
  answer = {};
  received.length = 0;
});

it("sends a committee vote and shows a refusal beside the reason, keeping the choice", async () => {
  answer = { fieldErrors: { reason: "validation.reasonRequired" }, values: { requestId, choice: "REJECT", reason: "" } };
  renderIntl(<VoteForm requestId={requestId} />);
  await userEvent.click(screen.getByRole("radio", { name: "رفض" }));
  await userEvent.click(screen.getByRole("button", { name: "تسجيل الصوت" }));
  await waitFor(() => expect(received).toHaveLength(1));
  expect(Object.fromEntries(received[0]!)).toEqual({ requestId, choice: "REJECT", reason: "" });

  const reason = await screen.findByLabelText("السبب");
  expect(reason).toHaveAttribute("aria-invalid", "true");
  expect(reason).toHaveAccessibleDescription("مطلوب عند الرفض، ويصل إلى مقدم الطلب. اذكر السبب.");
  expect(screen.getByRole("radio", { name: "رفض" })).toBeChecked();
  expect(screen.getByRole("alert")).toBeInTheDocument();
});

it("asks for the visit's day (today at the latest) only for a field visit", async () => {
  renderIntl(<ResearchNoteForm requestId={requestId} today="2026-11-25" />);
  expect(screen.getByRole("radio", { name: "ملاحظة" })).toBeChecked();
  expect(screen.queryByLabelText("تاريخ الزيارة")).toBeNull();

  await userEvent.click(screen.getByRole("radio", { name: "زيارة ميدانية" }));
  const day = screen.getByLabelText("تاريخ الزيارة");
  expect(day).toHaveAttribute("type", "date");
  expect(day).toHaveAttribute("max", "2026-11-25");

  await userEvent.type(screen.getByLabelText("النص"), "زرت الأسرة");
  await userEvent.click(screen.getByRole("button", { name: "حفظ" }));
  await waitFor(() => expect(received).toHaveLength(1));
  expect(Object.fromEntries(received[0]!)).toEqual({ requestId, kind: "FIELD_VISIT", visitedOn: "", text: "زرت الأسرة" });
});

it("offers the officers, with the current assignee chosen", () => {
  const officers = [
    { userId: "u-1", name: "أمل" },
    { userId: "u-2", name: "ماجد" },
  ];
  renderIntl(<AssignForm requestId={requestId} officers={officers} current="u-2" />);
  expect(screen.getByLabelText("مسؤول علاقات المستفيدين")).toHaveValue("u-2");
});

import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FormState } from "@/lib/auth/form";
import { renderIntl } from "./render";

let answer: FormState = {};
const received: FormData[] = [];
jest.mock("@/lib/policy/actions", () => {
  const action = async (_state: FormState, form: FormData) => (received.push(form), answer);
  return { voteAction: action, recordDecisionAction: action, setQuorumAction: action };
});
jest.mock("@/lib/associations/actions", () => ({ updateContactsAction: jest.fn() }));

import { DecisionForm, VoteForm } from "@/components/policy/WorkflowForms";

const board = [
  { userId: "11111111-1111-4111-8111-111111111111", name: "رئيس المجلس" },
  { userId: "22222222-2222-4222-8222-222222222222", name: "عضو المجلس" },
];

beforeEach(() => {
  answer = {};
  received.length = 0;
});

it("shows the meeting date in both calendars as the chair types it, Hijri or Gregorian", async () => {
  renderIntl(<DecisionForm versionId="v-1" board={board} />);
  const both = screen.getByTestId("date-both");
  expect(both).toHaveTextContent("أدخل اليوم والشهر والسنة.");
  await userEvent.type(screen.getByLabelText("اليوم"), "22");
  await userEvent.type(screen.getByLabelText("الشهر"), "12");
  await userEvent.type(screen.getByLabelText("السنة"), "1442");
  expect(both).toHaveTextContent("الموافق 1442/12/22هـ — 1 أغسطس 2021م.");
  // The same digits read as a Gregorian date: the conversion shows the mix-up at once.
  await userEvent.click(screen.getByRole("radio", { name: "ميلادي" }));
  expect(both).toHaveTextContent("22 ديسمبر 1442م");
  await userEvent.clear(screen.getByLabelText("السنة"));
  await userEvent.type(screen.getByLabelText("السنة"), "2021");
  await userEvent.clear(screen.getByLabelText("الشهر"));
  await userEvent.type(screen.getByLabelText("الشهر"), "8");
  await userEvent.clear(screen.getByLabelText("اليوم"));
  await userEvent.type(screen.getByLabelText("اليوم"), "1");
  expect(both).toHaveTextContent("1442/12/22هـ — 1 أغسطس 2021م");
  // An impossible date shows no conversion.
  await userEvent.clear(screen.getByLabelText("اليوم"));
  await userEvent.type(screen.getByLabelText("اليوم"), "31");
  await userEvent.clear(screen.getByLabelText("الشهر"));
  await userEvent.type(screen.getByLabelText("الشهر"), "2");
  expect(both).toHaveTextContent("أدخل اليوم والشهر والسنة.");
});

it("sends the session, the date and the members present, and shows the server's refusal localized", async () => {
  renderIntl(<DecisionForm versionId="v-1" board={board} />, "en");
  await userEvent.type(screen.getByLabelText("Session number"), "9");
  await userEvent.type(screen.getByLabelText("Day"), "1");
  await userEvent.type(screen.getByLabelText("Month"), "5");
  await userEvent.type(screen.getByLabelText("Year"), "1448");
  await userEvent.click(screen.getByRole("checkbox", { name: "عضو المجلس" }));
  answer = { error: "errors.NO_QUORUM", values: { sessionNumber: "9", calendar: "HIJRI", day: "1", month: "5", year: "1448", attendeeIds: board[0]!.userId } };
  await userEvent.click(screen.getByRole("button", { name: "Record the decision" }));
  await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("The votes do not decide yet"));
  const form = received[0]!;
  expect(Object.fromEntries(["versionId", "sessionNumber", "calendar", "day", "month", "year"].map((k) => [k, form.get(k)]))).toEqual({
    versionId: "v-1",
    sessionNumber: "9",
    calendar: "HIJRI",
    day: "1",
    month: "5",
    year: "1448",
  });
  expect(form.getAll("attendeeIds")).toEqual([board[0]!.userId]);
  // What the chair entered is still there.
  expect(screen.getByLabelText("Session number")).toHaveValue("9");
  expect(screen.getByRole("checkbox", { name: "عضو المجلس" })).not.toBeChecked();
});

it("asks for a comment when the vote is a rejection", async () => {
  renderIntl(<VoteForm versionId="v-1" />);
  await userEvent.click(screen.getByRole("radio", { name: "رفض" }));
  answer = { fieldErrors: { comment: "validation.commentRequired" }, values: { choice: "REJECT", comment: "" } };
  await userEvent.click(screen.getByRole("button", { name: "تسجيل صوتي" }));
  await waitFor(() => expect(screen.getByText("اكتب سبب الرفض؛ يعود التعليق إلى المشرفين مع المسودة.")).toBeInTheDocument());
  expect(screen.getByRole("radio", { name: "رفض" })).toBeChecked();
  expect(received[0]!.get("choice")).toBe("REJECT");
});

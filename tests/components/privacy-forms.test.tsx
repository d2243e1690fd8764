import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FormState } from "@/lib/auth/form";
import { renderIntl } from "./render";

let answer: FormState = {};
const received: { action: string; form: FormData }[] = [];
jest.mock("@/lib/pdpl/actions", () => {
  const action = (name: string) => async (_state: FormState, form: FormData) => (received.push({ action: name, form }), answer);
  return {
    logDataRequestAction: action("log"),
    closeDataRequestAction: action("close"),
    eraseSubjectAction: action("erase"),
    setRetentionAction: action("retention"),
  };
});

import { CloseRequestForm, EraseForm, LogRequestForm, RetentionForm } from "@/components/pdpl/PrivacyForms";

const ID = "7b0c6a52-5d1e-4a55-9a43-2f0d7c1b9e11";

beforeEach(() => {
  answer = {};
  received.length = 0;
});

it("logs a data request with its subject, and shows the server's refusal next to the field, in Arabic", async () => {
  renderIntl(<LogRequestForm today="2026-11-24" />);
  expect(screen.getByLabelText("تاريخ الاستلام")).toHaveValue("2026-11-24");
  await userEvent.selectOptions(screen.getByLabelText("ما طلبه الشخص"), "ERASURE");
  await userEvent.type(screen.getByLabelText("رقم الطلب"), "1448-00042");
  answer = { fieldErrors: { idNumber: "validation.subjectRequired" }, values: { kind: "ERASURE", reference: "1448-00042", receivedOn: "2026-11-24" } };
  await userEvent.click(screen.getByRole("button", { name: "تسجيل الطلب" }));
  await waitFor(() => expect(screen.getByText("أدخل رقم هوية الشخص أو جواله أو رقم أحد طلباته، ليُعثر على بياناته.")).toBeInTheDocument());
  expect(screen.getByLabelText("رقم الهوية")).toHaveAttribute("aria-invalid", "true");
  const { action, form } = received[0]!;
  expect(action).toBe("log");
  expect(Object.fromEntries(["kind", "reference", "receivedOn", "idNumber"].map((k) => [k, form.get(k)]))).toEqual({
    kind: "ERASURE",
    reference: "1448-00042",
    receivedOn: "2026-11-24",
    idNumber: "",
  });
  // The typed values survive the refusal.
  expect(screen.getByLabelText("رقم الطلب")).toHaveValue("1448-00042");
});

it("erases only with the confirmation ticked, says what will be changed, and reports success", async () => {
  renderIntl(<EraseForm id={ID} requests={2} complaints={1} />, "en");
  expect(screen.getByText(/in 2 requests and 1 complaint with a placeholder/)).toBeInTheDocument();
  answer = { fieldErrors: { confirm: "validation.confirmErase" }, values: { id: ID } };
  await userEvent.click(screen.getByRole("button", { name: "Erase the data" }));
  await waitFor(() => expect(screen.getByText("Tick the box to confirm the erasure.")).toBeInTheDocument());
  expect(received[0]!.form.get("confirm")).toBeNull();

  answer = { ok: true, notice: "privacy.erase.done" };
  await userEvent.click(screen.getByRole("checkbox", { name: "I confirm the erasure of this person's data" }));
  await userEvent.click(screen.getByRole("button", { name: "Erase the data" }));
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("The data was anonymised and the request closed."));
  expect(Object.fromEntries(received[1]!.form)).toEqual({ id: ID, confirm: "on" });
  expect(screen.queryByRole("button", { name: "Erase the data" })).not.toBeInTheDocument();
});

it("closes a request as refused with the reason", async () => {
  renderIntl(<CloseRequestForm id={ID} />, "en");
  await userEvent.click(screen.getByRole("radio", { name: "Refused" }));
  await userEvent.type(screen.getByLabelText("Note or reason (a refusal needs one)"), "Needed for a legal case.");
  await userEvent.click(screen.getByRole("button", { name: "Close the request" }));
  await waitFor(() => expect(received).toHaveLength(1));
  expect(Object.fromEntries(received[0]!.form)).toEqual({ id: ID, status: "REFUSED", note: "Needed for a legal case." });
});

it("shows the retention rule and its validation message", async () => {
  renderIntl(<RetentionForm current={5} />);
  const years = screen.getByLabelText("تجهيل الطلبات المغلقة بعد (سنوات)");
  expect(years).toHaveValue("5");
  await userEvent.clear(years);
  await userEvent.type(years, "40");
  answer = { fieldErrors: { years: "validation.retentionYears" }, values: { years: "40" } };
  await userEvent.click(screen.getByRole("button", { name: "حفظ القاعدة" }));
  await waitFor(() => expect(screen.getByText("أدخل عددًا صحيحًا من السنوات من 1 إلى 30، أو اتركه فارغًا لإيقاف القاعدة.")).toBeInTheDocument());
  expect(received[0]!.form.get("years")).toBe("40");
});

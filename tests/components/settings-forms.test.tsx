import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FormState } from "@/lib/auth/form";
import { renderIntl } from "./render";

let answer: FormState = {};
const received: { action: string; form: FormData }[] = [];
jest.mock("@/lib/associations/intake-settings-actions", () => {
  const action = (name: string) => async (_state: FormState, form: FormData) => (received.push({ action: name, form }), answer);
  return {
    addHolidayAction: action("addHoliday"),
    removeHolidayAction: action("removeHoliday"),
    addSaudiHolidaysAction: action("importHolidays"),
    addSupportTypeAction: action("addType"),
    renameSupportTypeAction: action("renameType"),
    moveSupportTypeAction: action("moveType"),
    setSupportTypeActiveAction: action("setTypeActive"),
  };
});

import { AddHolidayForm, ImportHolidaysForm } from "@/components/settings/HolidayForms";
import { SupportTypeActions } from "@/components/settings/SupportTypeForms";

beforeEach(() => {
  answer = {};
  received.length = 0;
});

it("shows the holiday's date in both calendars as it is typed, Hijri by default", async () => {
  renderIntl(<AddHolidayForm />);
  const preview = screen.getByTestId("holiday-date");
  expect(preview).toHaveTextContent("أدخل اليوم والشهر والسنة.");
  await userEvent.type(screen.getByLabelText("اليوم"), "22");
  await userEvent.type(screen.getByLabelText("الشهر"), "12");
  await userEvent.type(screen.getByLabelText("السنة"), "1442");
  expect(preview).toHaveTextContent("1442/12/22هـ الموافق 1 أغسطس 2021م");
  await userEvent.click(screen.getByRole("radio", { name: "ميلادي" }));
  expect(preview).toHaveTextContent("22 ديسمبر 1442م");
});

it("sends the date and name, and shows the server's refusal localized and linked to the field", async () => {
  renderIntl(<AddHolidayForm />, "en");
  await userEvent.click(screen.getByRole("radio", { name: "Gregorian" }));
  await userEvent.type(screen.getByLabelText("Day"), "23");
  await userEvent.type(screen.getByLabelText("Month"), "9");
  await userEvent.type(screen.getByLabelText("Year"), "2040");
  await userEvent.type(screen.getByLabelText("Name in Arabic"), "اليوم الوطني");
  answer = {
    fieldErrors: { day: "settings.errors.holidayExists" },
    values: { calendar: "GREGORIAN", day: "23", month: "9", year: "2040", nameAr: "اليوم الوطني", nameEn: "" },
  };
  await userEvent.click(screen.getByRole("button", { name: "Add the holiday" }));
  await waitFor(() => expect(screen.getByText("This day is already on the holiday list.")).toBeInTheDocument());
  const { action, form } = received[0]!;
  expect(action).toBe("addHoliday");
  expect(Object.fromEntries(["calendar", "day", "month", "year", "nameAr"].map((k) => [k, form.get(k)]))).toEqual({
    calendar: "GREGORIAN",
    day: "23",
    month: "9",
    year: "2040",
    nameAr: "اليوم الوطني",
  });
  const dayInput = screen.getByLabelText("Day");
  expect(dayInput).toHaveAttribute("aria-invalid", "true");
  expect(dayInput).toHaveAccessibleDescription("This day is already on the holiday list.");
  // What the admin typed is still there.
  expect(screen.getByLabelText("Name in Arabic")).toHaveValue("اليوم الوطني");
  expect(screen.getByRole("radio", { name: "Gregorian" })).toBeChecked();
});

it("reports how many public holidays were added", async () => {
  renderIntl(<ImportHolidaysForm hijriYear={1448} />, "en");
  answer = { ok: true, notice: "settings.notices.holidaysImported", data: { added: "8" } };
  await userEvent.click(screen.getByRole("button", { name: "Add the Saudi public holidays of 1448 AH" }));
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("8 days added."));
  expect(received[0]!.form.get("hijriYear")).toBe("1448");
});

it("names each reorder and deactivate button after its type, and hides moves that go nowhere", async () => {
  const type = { key: "food-basket", labelAr: "سلة غذائية", labelEn: "Food basket", active: true };
  renderIntl(<SupportTypeActions type={type} label="سلة غذائية" first last={false} />);
  expect(screen.queryByRole("button", { name: "تقديم «سلة غذائية»" })).toBeNull();
  await userEvent.click(screen.getByRole("button", { name: "تأخير «سلة غذائية»" }));
  await waitFor(() => expect(received).toHaveLength(1));
  expect(Object.fromEntries(received[0]!.form)).toEqual({ key: "food-basket", direction: "down" });
  answer = { error: "settings.errors.lastActiveType" };
  await userEvent.click(screen.getByRole("button", { name: "إيقاف «سلة غذائية»" }));
  await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("لا يمكن إيقاف آخر نوع دعم مفعّل"));
  expect(Object.fromEntries(received[1]!.form)).toEqual({ key: "food-basket", active: "false" });
});

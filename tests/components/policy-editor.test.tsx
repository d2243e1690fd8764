import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FormState } from "@/lib/auth/form";
import type { PolicyContent } from "@/lib/policy/schema";
import { qader } from "@/prisma/seed/qader";
import { renderIntl } from "./render";

// The server actions module binds to Next.js request APIs; the editor gets its save function
// as a prop, so the module only needs to exist.
jest.mock("@/lib/policy/actions", () => ({ saveDraftAction: jest.fn() }));

import { PolicyEditor } from "@/components/policy/editor/PolicyEditor";

type Call = { versionId: string; content: PolicyContent; baseUpdatedAt: string };

const tenant = {
  nameAr: qader.name.ar,
  nameEn: qader.name.en,
  registrationNumber: qader.registrationNumber,
  supervisingBodyAr: null,
  supervisingBodyEn: null,
  primaryColor: qader.primaryColor,
  phone: null,
  email: null,
  website: null,
  xHandle: null,
  instagramHandle: null,
};

function setup(answer: (call: Call) => FormState = () => ({ ok: true, data: { updatedAt: "2026-11-24T10:00:01.000Z" } }), locale: "ar" | "en" = "ar") {
  const calls: Call[] = [];
  const save = jest.fn(async (input: unknown) => {
    calls.push(structuredClone(input as Call));
    return answer(input as Call);
  });
  renderIntl(
    <PolicyEditor versionId="v-1" versionNumber={2} initialContent={structuredClone(qader.policy)} updatedAt="2026-11-24T10:00:00.000Z" tenant={tenant} save={save} delay={20} />,
    locale,
  );
  return { calls, save, status: () => screen.getByTestId("save-status") };
}

it("saves a valid change after a pause, with the draft's last saved time", async () => {
  const { calls, status } = setup();
  expect(status()).toHaveAttribute("data-state", "saved");
  const amount = screen.getByLabelText("المدة");
  await userEvent.clear(amount);
  await userEvent.type(amount, "3");
  await userEvent.selectOptions(screen.getByLabelText("الوحدة"), "WEEKS");
  await waitFor(() => expect(status()).toHaveAttribute("data-state", "saved"));
  expect(status()).toHaveTextContent("حُفظت جميع التعديلات");
  const last = calls.at(-1)!;
  expect(last.versionId).toBe("v-1");
  expect(last.content.responseDeadline).toMatchObject({ amount: 3, unit: "WEEKS" });
  expect(calls[0]!.baseUpdatedAt).toBe("2026-11-24T10:00:00.000Z");
  // The next save builds on the time the server returned.
  await userEvent.click(screen.getByLabelText("كل أيام التقويم"));
  await waitFor(() => expect(calls.at(-1)!.content.responseDeadline.businessDays).toBe(false));
  expect(calls.at(-1)!.baseUpdatedAt).toBe("2026-11-24T10:00:01.000Z");
});

it("marks an empty Arabic title, does not save it, and saves again once fixed", async () => {
  const { calls, status } = setup();
  const title = screen.getByLabelText(/^العنوان — بالعربية/);
  await userEvent.clear(title);
  expect(status()).toHaveAttribute("data-state", "invalid");
  expect(status()).toHaveTextContent("لم يُحفظ: صحّح الحقل المعلَّم");
  expect(title).toHaveAttribute("aria-invalid", "true");
  expect(document.getElementById(title.getAttribute("aria-describedby")!)).toHaveTextContent("هذا الحقل مطلوب.");
  await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
  expect(calls).toHaveLength(0);
  await userEvent.type(title, "سياسة جديدة");
  await waitFor(() => expect(status()).toHaveAttribute("data-state", "saved"));
  expect(calls.at(-1)!.content.title.ar).toBe("سياسة جديدة");
});

it("rejects a deadline of 0 and of 10,000 days with the localized range message", async () => {
  const { calls, status } = setup();
  const amount = screen.getByLabelText("المدة");
  for (const value of ["0", "10000"]) {
    await userEvent.clear(amount);
    await userEvent.type(amount, value);
    expect(status()).toHaveAttribute("data-state", "invalid");
    expect(screen.getByText("المدة يجب أن تكون عددًا صحيحًا بين 1 و365.")).toBeInTheDocument();
  }
  expect(calls).toHaveLength(0);
});

it("adds a channel from the catalog, reorders and removes list items", async () => {
  const { calls, status } = setup();
  await userEvent.selectOptions(screen.getByLabelText("إضافة قناة"), "BRANCH_REPRESENTATIVE");
  await userEvent.click(screen.getAllByRole("button", { name: "إضافة" })[0]!);
  await waitFor(() => expect(status()).toHaveAttribute("data-state", "saved"));
  expect(calls.at(-1)!.content.channels.at(-1)).toEqual({ key: "BRANCH_REPRESENTATIVE", label: { ar: "مناديب المكاتب الفرعية", en: "Branch-office representatives" } });
  // A catalog entry already used is no longer offered.
  expect(within(screen.getByLabelText("إضافة قناة")).queryByRole("option", { name: "مناديب المكاتب الفرعية" })).toBeNull();

  const goals = qader.policy.detailedGoals;
  await userEvent.click(screen.getByRole("button", { name: "نقل الهدف 2 إلى الأعلى" }));
  await waitFor(() => expect(calls.at(-1)!.content.detailedGoals[0]).toEqual(goals[1]));
  expect(calls.at(-1)!.content.detailedGoals[1]).toEqual(goals[0]);
  await userEvent.click(screen.getByRole("button", { name: "حذف الهدف 1" }));
  await waitFor(() => expect(calls.at(-1)!.content.detailedGoals).toHaveLength(goals.length - 1));
});

it("adds a custom channel that must be named in Arabic, with untranslated English marked", async () => {
  setup();
  await userEvent.click(screen.getAllByRole("button", { name: "إضافة" })[0]!);
  // A new custom entry starts empty: its Arabic is required and its English is marked.
  const channels = within(screen.getByRole("region", { name: "قنوات التواصل مع المستفيدين" }));
  const last = channels.getByLabelText(/^البند 8 — بالعربية/);
  expect(last).toHaveAttribute("aria-invalid", "true");
  expect(document.getElementById(last.getAttribute("aria-describedby")!)).toHaveTextContent("هذا الحقل مطلوب.");
  const english = channels.getByLabelText(/^البند 8 — بالإنجليزية/);
  expect(english.closest("div")).toHaveTextContent("غير مترجم");
  await userEvent.type(last, "واتساب");
  await userEvent.type(english, "WhatsApp");
  await waitFor(() => expect(screen.getByTestId("save-status")).toHaveAttribute("data-state", "saved"));
});

it("keeps the admin's text and shows the server's refusal when someone else saved first", async () => {
  const { status } = setup(() => ({ error: "errors.POLICY_DRAFT_CHANGED" }));
  const title = screen.getByLabelText(/^العنوان — بالعربية/);
  await userEvent.type(title, " المحدّثة");
  await waitFor(() => expect(status()).toHaveAttribute("data-state", "failed"));
  expect(status()).toHaveTextContent("حفظ شخص آخر هذه المسودة");
  expect(title).toHaveValue(`${qader.policy.title.ar} المحدّثة`);
});

it("previews the draft exactly as the public page renders it", async () => {
  setup(undefined, "en");
  const amount = screen.getByLabelText("Amount");
  await userEvent.clear(amount);
  await userEvent.type(amount, "3");
  await userEvent.selectOptions(screen.getByLabelText("Unit"), "WEEKS");
  await userEvent.click(screen.getByRole("tab", { name: "Preview" }));
  const preview = screen.getByTestId("preview");
  expect(within(preview).getByRole("heading", { level: 1 })).toHaveTextContent(qader.policy.title.en!);
  expect(preview).toHaveTextContent("3 weeks");
  expect(preview).toHaveTextContent("This draft has not been approved by the board yet.");
});

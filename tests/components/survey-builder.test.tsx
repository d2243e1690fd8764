import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FormState } from "@/lib/auth/form";
import { DEFAULT_SURVEY } from "@/lib/surveys/defaults";
import { QUESTION_KEY, type SurveyContent } from "@/lib/surveys/schema";
import { renderIntl } from "./render";

// The server actions modules bind to Next.js request APIs; the builder gets its calls as props
// and the preview never submits, so the modules only need to exist.
jest.mock("@/lib/surveys/builder-actions", () => ({ saveSurveyDraftAction: jest.fn(), publishSurveyAction: jest.fn() }));
jest.mock("@/lib/surveys/respond-actions", () => ({ submitSurveyAction: jest.fn() }));

import { SurveyBuilder } from "@/components/surveys/builder/SurveyBuilder";

type SaveCall = { surveyId: string; content: SurveyContent; baseUpdatedAt: string };
const UPDATED = "2026-11-24T10:00:00.000Z";

const saved = (): FormState => ({ ok: true, notice: "surveys.builder.notices.saved", data: { updatedAt: "2026-11-24T10:00:01.000Z" } });

/** The builder over the default survey; version 1 is the default survey itself unless `published` says otherwise. */
function setup(answer: () => FormState = saved, published: SurveyContent | null = structuredClone(DEFAULT_SURVEY)) {
  const saves: SaveCall[] = [];
  const save = jest.fn(async (input: unknown) => (saves.push(structuredClone(input as SaveCall)), answer()));
  const publish = jest.fn(async (): Promise<FormState> => ({ ok: true, notice: "surveys.builder.notices.published", data: { updatedAt: "2026-11-24T10:00:02.000Z", version: "2" } }));
  renderIntl(<SurveyBuilder surveyId="s-1" initialContent={structuredClone(DEFAULT_SURVEY)} updatedAt={UPDATED} currentVersion={1} published={published} save={save} publish={publish} />);
  return { saves, save, publish, status: () => screen.getByTestId("builder-status") };
}

const questionLabel = (n: number) => screen.getByLabelText(`السؤال ${n} — بالعربية`, { exact: false });
const saveButton = () => screen.getByRole("button", { name: "حفظ المسودة" });
const publishButton = () => screen.getByRole("button", { name: "نشر نسخة جديدة" });

it("adds a single-choice question with a new stable key, marks its empty texts once saving is tried, and saves once filled", async () => {
  const { saves, save, status } = setup();
  const count = DEFAULT_SURVEY.questions.length;
  await userEvent.selectOptions(screen.getByLabelText("نوع السؤال الجديد"), "SINGLE");
  await userEvent.click(screen.getByRole("button", { name: /إضافة سؤال/ }));

  // The new question takes focus, and its empty texts are not marked before anyone typed.
  const label = questionLabel(count + 1);
  expect(label).toHaveFocus();
  expect(status()).toHaveAttribute("data-state", "invalid");
  expect(label).not.toHaveAttribute("aria-invalid");
  expect(screen.queryByText("هذا الحقل مطلوب.")).toBeNull();

  // Trying to save sends nothing, marks the empty fields and goes to the first.
  await userEvent.click(saveButton());
  expect(save).not.toHaveBeenCalled();
  expect(label).toHaveAttribute("aria-invalid", "true");
  expect(label).toHaveFocus();
  expect(document.getElementById(label.getAttribute("aria-describedby")!)).toHaveTextContent("هذا الحقل مطلوب.");

  await userEvent.type(label, "ما نوع الدعم الذي تلقيته؟");
  await userEvent.type(screen.getByLabelText(`السؤال ${count + 1} — الخيار 1 — بالعربية`, { exact: false }), "غذائي");
  // One option is not enough.
  await userEvent.click(screen.getByRole("button", { name: `حذف السؤال ${count + 1} — الخيار 2` }));
  expect(screen.getByText("أضف خيارين على الأقل.")).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: `+ إضافة خيار إلى السؤال ${count + 1}` }));
  await userEvent.type(screen.getByLabelText(`السؤال ${count + 1} — الخيار 2 — بالعربية`, { exact: false }), "مالي");
  expect(status()).toHaveAttribute("data-state", "dirty");

  await userEvent.click(saveButton());
  await waitFor(() => expect(status()).toHaveAttribute("data-state", "saved"));
  expect(screen.getByText("حُفظت المسودة.")).toBeInTheDocument();
  const saved = saves[0];
  expect(saved.baseUpdatedAt).toBe(UPDATED);
  expect(saved.content.questions.slice(0, count).map((q) => q.key)).toEqual(DEFAULT_SURVEY.questions.map((q) => q.key));
  const added = saved.content.questions[count];
  expect(added).toMatchObject({ type: "SINGLE", required: true, label: { ar: "ما نوع الدعم الذي تلقيته؟" } });
  expect(added.key).toMatch(/^q-[a-z0-9]{6}$/);
  expect(added.key).toMatch(QUESTION_KEY);
  expect(added.type === "SINGLE" && added.options.map((o) => o.label.ar)).toEqual(["غذائي", "مالي"]);
});

it("moves a question up and removes another with labelled buttons, focus following, keeping every key", async () => {
  const { saves } = setup();
  await userEvent.click(screen.getByRole("button", { name: "نقل السؤال 3 إلى الأسفل" }));
  expect(screen.getByRole("button", { name: "نقل السؤال 4 إلى الأسفل" })).toHaveFocus();
  await userEvent.click(screen.getByRole("button", { name: "نقل السؤال 4 إلى الأعلى" }));
  expect(screen.getByRole("button", { name: "نقل السؤال 3 إلى الأعلى" })).toHaveFocus();
  await userEvent.click(screen.getByRole("button", { name: "نقل السؤال 2 إلى الأعلى" }));
  expect(questionLabel(1)).toHaveValue(DEFAULT_SURVEY.questions[1].label.ar);
  expect(questionLabel(2)).toHaveValue(DEFAULT_SURVEY.questions[0].label.ar);
  // At the top its Up button is disabled: focus moves to its Down button.
  expect(screen.getByRole("button", { name: "نقل السؤال 1 إلى الأعلى" })).toBeDisabled();
  expect(screen.getByRole("button", { name: "نقل السؤال 1 إلى الأسفل" })).toHaveFocus();
  await userEvent.click(screen.getByRole("button", { name: "حذف السؤال 3" }));
  // The question that took its place has focus.
  expect(screen.getByRole("heading", { name: /^السؤال 3/ })).toHaveFocus();
  await userEvent.click(saveButton());
  await waitFor(() => expect(saves).toHaveLength(1));
  const [first, second, third, ...rest] = DEFAULT_SURVEY.questions.map((q) => q.key);
  expect(saves[0].content.questions.map((q) => q.key)).toEqual([second, first, ...rest]);
  expect(saves[0].content.questions.map((q) => q.key)).not.toContain(third);
});

it("refuses a second overall question and an empty title, each beside its field", async () => {
  const { save, status } = setup();
  const overall = screen.getAllByLabelText(/سؤال الرضا العام/);
  await userEvent.click(overall[0]);
  expect(screen.getByText("لا يكون إلا سؤال واحد هو سؤال الرضا العام.")).toBeInTheDocument();
  await userEvent.clear(screen.getByLabelText("العنوان — بالعربية", { exact: false }));
  expect(status()).toHaveTextContent("لا يمكن الحفظ: صحّح الحقلين المعلَّمين");
  await userEvent.click(saveButton());
  expect(save).not.toHaveBeenCalled();
});

it("offers publishing only when the saved draft differs from the current version, after a confirmation", async () => {
  const changed = structuredClone(DEFAULT_SURVEY);
  changed.questions[0].label.ar += " اليوم";
  const { publish } = setup(saved, changed);
  await userEvent.click(publishButton());
  // Nothing is published before the confirmation; cancelling returns to the button.
  expect(publish).not.toHaveBeenCalled();
  const confirm = screen.getByRole("group", { name: /لا يمكن تعديل النسخة المنشورة/ });
  expect(within(confirm).getByRole("button", { name: "نعم، انشر النسخة 2" })).toHaveFocus();
  await userEvent.click(within(confirm).getByRole("button", { name: "إلغاء" }));
  expect(screen.queryByRole("group", { name: /لا يمكن تعديل/ })).toBeNull();
  expect(publishButton()).toHaveFocus();

  await userEvent.click(publishButton());
  await userEvent.click(screen.getByRole("button", { name: "نعم، انشر النسخة 2" }));
  await waitFor(() => expect(publish).toHaveBeenCalledTimes(1));
  expect(await screen.findByText("نُشرت نسخة جديدة من الاستبيان.")).toBeInTheDocument();
  // Published: the same draft is not offered again.
  expect(publishButton()).toBeDisabled();
  expect(publishButton()).toHaveAccessibleDescription(/لا تغييرات منذ النسخة 2/);
});

it("does not offer to publish the current version again, and publishes only a saved draft", async () => {
  const { publish } = setup(() => ({ error: "errors.SURVEY_DRAFT_CHANGED" }));
  expect(publishButton()).toBeDisabled();
  expect(publishButton()).toHaveAccessibleDescription(/لا تغييرات منذ النسخة 1/);
  await userEvent.type(questionLabel(1), " جدًا");
  expect(publishButton()).toBeDisabled();
  await userEvent.click(saveButton());
  expect(await screen.findByRole("alert")).toHaveTextContent("حفظ شخص آخر هذا الاستبيان");
  expect(publish).not.toHaveBeenCalled();
});

it("keeps the questions' internal keys out of sight", () => {
  setup();
  for (const question of DEFAULT_SURVEY.questions) expect(document.body).not.toHaveTextContent(question.key);
});

it("previews the questions as respondents see them", async () => {
  setup();
  await userEvent.click(screen.getByRole("tab", { name: "معاينة" }));
  const preview = screen.getByTestId("preview");
  expect(within(preview).getByRole("heading", { name: DEFAULT_SURVEY.title.ar })).toBeInTheDocument();
  expect(within(preview).getAllByRole("group").length).toBeGreaterThanOrEqual(DEFAULT_SURVEY.questions.length);
  expect(within(preview).queryByRole("button", { name: /إرسال/ })).toBeNull();
});

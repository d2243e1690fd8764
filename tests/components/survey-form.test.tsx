import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FormState } from "@/lib/auth/form";
import { DEFAULT_SURVEY } from "@/lib/surveys/defaults";
import { renderIntl } from "./render";

let answer: FormState = {};
const sent: FormData[] = [];
jest.mock("@/lib/surveys/respond-actions", () => ({
  submitSurveyAction: async (_state: FormState, form: FormData) => (sent.push(form), answer),
}));

import { SurveyForm } from "@/components/surveys/respond/SurveyForm";

beforeEach(() => {
  answer = {};
  sent.length = 0;
});

const TOKEN = "a".repeat(43);
const question = (label: RegExp) => screen.getByRole("group", { name: label });
const progress = () => screen.getByRole("progressbar", { name: "التقدم في الاستبيان" });
const submit = (name = "إرسال الإجابات") => userEvent.click(screen.getByRole("button", { name }));

it("renders one labelled group per question, the scales in reading order (right to left in Arabic), required marked", () => {
  renderIntl(<SurveyForm content={DEFAULT_SURVEY} via={{ token: TOKEN }} privacy="anonymousInvitation" />);
  expect(screen.getAllByRole("group")).toHaveLength(DEFAULT_SURVEY.questions.length);
  const ease = question(/ما مدى سهولة إجراءات تقديم الطلب؟/);
  expect(ease).toHaveAccessibleName(/\(مطلوب\)/);
  // The error summary's links scroll to a question: its margin keeps the title clear of the sticky progress bar.
  expect(ease).toHaveClass("scroll-mt-24");
  expect(within(ease).getAllByRole("radio").map((r) => r.getAttribute("value"))).toEqual(["1", "2", "3", "4", "5"]);
  expect(within(ease).getByRole("radio", { name: "1 من 5 — غير راضٍ إطلاقًا" })).toBeInTheDocument();
  expect(within(ease).getByRole("radio", { name: "5 من 5 — راضٍ جدًا" })).toBeInTheDocument();
  // The page is right to left, so the scale's first point (1) sits at the right.
  expect(ease.closest("[dir]")).toHaveAttribute("dir", "rtl");
  const nps = question(/أن توصي بالجمعية/);
  expect(within(nps).getAllByRole("radio")).toHaveLength(11);
  expect(within(nps).getByRole("radio", { name: "0 من 10 — غير محتمل إطلاقًا" })).toBeInTheDocument();
  expect(within(nps).getByRole("radio", { name: "10 من 10 — محتمل جدًا" })).toBeInTheDocument();
  expect(question(/كيف عرفت/)).toHaveAccessibleName(/اختياري/);
  expect(within(question(/ملاحظات أو اقتراحات/)).getByRole("textbox")).toHaveAttribute("maxLength", "2000");
  expect(screen.getByText(/إجاباتك مجهولة الهوية: لا تُربط بطلبك/)).toBeInTheDocument();
  expect(screen.queryByRole("checkbox", { name: /أوافق على ربط إجاباتي/ })).toBeNull();
  // The honeypot is out of reach of people and assistive technology.
  const honeypot = document.querySelector('input[name="website"]') as HTMLInputElement;
  expect(honeypot.tabIndex).toBe(-1);
  expect(honeypot.closest('[aria-hidden="true"]')).not.toBeNull();
});

it("selects a rating with the keyboard and counts it in the progress", async () => {
  const user = userEvent.setup();
  renderIntl(<SurveyForm content={DEFAULT_SURVEY} via={{ token: TOKEN }} privacy="anonymousInvitation" />);
  expect(progress()).toHaveAttribute("aria-valuetext", "أجبت عن 0 من 8");
  const ease = question(/ما مدى سهولة إجراءات تقديم الطلب؟/);
  // Tab into the first scale, then the arrow key moves along it, as native radios do.
  await user.tab();
  expect(within(ease).getByRole("radio", { name: /^1 من 5/ })).toHaveFocus();
  await user.keyboard("{ArrowRight}");
  const checked = within(ease).getAllByRole("radio").filter((r) => (r as HTMLInputElement).checked);
  expect(checked).toHaveLength(1);
  expect(checked[0]).toHaveFocus();
  expect(progress()).toHaveAttribute("aria-valuenow", "1");
  expect(progress()).toHaveAttribute("aria-valuetext", "أجبت عن 1 من 8");
  await user.click(within(question(/أن توصي بالجمعية/)).getByRole("radio", { name: "9 من 10" }));
  await user.type(within(question(/ملاحظات أو اقتراحات/)).getByRole("textbox"), "شكرًا");
  expect(progress()).toHaveAttribute("aria-valuetext", "أجبت عن 3 من 8");
  expect(screen.getByText("5 من 2000 حرف")).toBeInTheDocument();
});

it("shows the server's field errors beside their questions, a summary, focus on the first, and keeps the answers", async () => {
  const user = userEvent.setup();
  renderIntl(<SurveyForm content={DEFAULT_SURVEY} via={{ token: TOKEN }} privacy="consent" association="جمعية قادر" />);
  const ease = question(/ما مدى سهولة إجراءات تقديم الطلب؟/);
  await user.click(within(ease).getByRole("radio", { name: /^4 من 5/ }));
  await user.click(within(question(/كيف عرفت/)).getByRole("radio", { name: "قريب أو صديق" }));
  await user.type(within(question(/ملاحظات أو اقتراحات/)).getByRole("textbox"), "الموظفون لطفاء");
  await user.click(screen.getByRole("checkbox", { name: /أوافق على ربط إجاباتي بطلبي/ }));
  answer = {
    fieldErrors: { "a_q-speed": "validation.answerRequired", "a_q-recommend": "validation.outOfRange" },
    values: { token: TOKEN, "a_q-ease": "4", "a_q-heard": "relative", "a_q-comments": "الموظفون لطفاء", linkConsent: "on" },
  };
  await submit();
  const summary = await screen.findByRole("alert");

  // What was sent: the token, the answers by field, the consent, an empty honeypot.
  expect(sent).toHaveLength(1);
  expect(Object.fromEntries(sent[0])).toMatchObject({ token: TOKEN, "a_q-ease": "4", "a_q-heard": "relative", linkConsent: "on", website: "" });

  const speed = question(/سرعة الرد/);
  expect(speed).toHaveAccessibleDescription("يرجى الإجابة عن هذا السؤال.");
  expect(question(/أن توصي بالجمعية/)).toHaveAccessibleDescription("اختر إحدى القيم على المقياس.");
  expect(summary).toHaveTextContent("لم تُرسل إجاباتك");
  expect(within(summary).getAllByRole("link").map((a) => a.getAttribute("href"))).toEqual([`#${speed.id}`, `#${question(/أن توصي بالجمعية/).id}`]);
  expect(within(speed).getAllByRole("radio")[0]).toHaveFocus();
  // Nothing chosen was lost.
  expect(within(ease).getByRole("radio", { name: /^4 من 5/ })).toBeChecked();
  expect(within(question(/كيف عرفت/)).getByRole("radio", { name: "قريب أو صديق" })).toBeChecked();
  expect(within(question(/ملاحظات أو اقتراحات/)).getByRole("textbox")).toHaveValue("الموظفون لطفاء");
  expect(screen.getByRole("checkbox", { name: /أوافق على ربط إجاباتي بطلبي/ })).toBeChecked();
  expect(progress()).toHaveAttribute("aria-valuetext", "أجبت عن 3 من 8");
});

it("renders the echoed errors and answers of a FormState it starts from, and thanks in place of the form", async () => {
  const user = userEvent.setup();
  renderIntl(
    <SurveyForm content={DEFAULT_SURVEY} via={{ surveyId: "3f1e8a52-8a56-4d2a-9d7a-0d1f3b1c2a11" }} versionId="0b5f3c1e-6a47-4f0e-9d3b-2c8e1a7f4d20" privacy="anonymousPublic" association="Qader" />,
    "en",
  );
  expect(screen.getByText(/we do not ask your name/)).toBeInTheDocument();
  const overall = screen.getByRole("group", { name: /Overall, how satisfied/ });
  expect(within(overall).getByRole("radio", { name: "5 of 5 — very satisfied" })).toBeInTheDocument();
  for (const group of screen.getAllByRole("group").slice(0, 6)) {
    await user.click(within(group).getAllByRole("radio").at(-1)!);
  }
  answer = { ok: true, notice: "surveys.respond.thanks" };
  await submit("Send my answers");
  // The version shown goes back with the answers: a newer publication refuses them.
  expect(Object.fromEntries(sent[0])).toMatchObject({ surveyId: "3f1e8a52-8a56-4d2a-9d7a-0d1f3b1c2a11", versionId: "0b5f3c1e-6a47-4f0e-9d3b-2c8e1a7f4d20", "a_q-overall": "5", "a_q-recommend": "10" });
  expect(await screen.findByRole("heading", { name: "Thank you! We have received your answers." })).toHaveFocus();
  expect(screen.getByText("Your opinion helps Qader improve its services.")).toBeInTheDocument();
  // A next step for the walk-in: the association's home page.
  expect(screen.getByRole("link", { name: "The association's home page" })).toHaveAttribute("href", "/en");
  expect(screen.queryByRole("button", { name: "Send my answers" })).toBeNull();
});

it("previews without sending", async () => {
  renderIntl(<SurveyForm content={DEFAULT_SURVEY} preview />);
  expect(screen.getByText(/معاينة/)).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "إرسال الإجابات" })).toBeNull();
  await act(async () => screen.getByRole("form").dispatchEvent(new Event("submit", { bubbles: true, cancelable: true })));
  expect(sent).toHaveLength(0);
});

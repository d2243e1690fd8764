import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FormState } from "@/lib/auth/form";
import { renderIntl } from "./render";

let answer: FormState = {};
const calls: { action: string; form: FormData }[] = [];
jest.mock("@/lib/requests/intake-actions", () => ({
  submitRequestAction: async (_state: FormState, form: FormData) => (calls.push({ action: "public", form }), answer),
  enterRequestAction: async (_state: FormState, form: FormData) => (calls.push({ action: "staff", form }), answer),
}));
jest.mock("@/lib/i18n/navigation", () => ({
  Link: ({ href, children, className }: { href: string; children: React.ReactNode; className?: string }) => <a href={href} className={className}>{children}</a>,
}));

import { IntakeForm, type IntakeFormProps } from "@/components/requests/IntakeForm";

const props: IntakeFormProps = {
  channels: [
    { key: "PHONE", label: "الاتصالات الهاتفية" },
    { key: "WEBSITE", label: "الموقع الإلكتروني للجمعية" },
  ],
  defaultChannel: "WEBSITE",
  supportTypes: [
    { key: "food-basket", label: "سلة غذائية" },
    { key: "housing", label: "دعم السكن والإيجار" },
  ],
  notice: { version: 3, text: "تجمع الجمعية بياناتك لدراسة طلبك.", healthText: "قد يتضمن طلبك معلومات صحية." },
  healthRelated: false,
  accuracyText: "التأكد من صحة البيانات المقدمة من طالب الدعم.",
};

beforeEach(() => {
  answer = {};
  calls.length = 0;
});

const submit = () => userEvent.click(screen.getByRole("button", { name: "إرسال الطلب" }));

it("labels every field, lists the policy's channels with the website chosen, and hides the honeypot", () => {
  renderIntl(<IntakeForm {...props} />);
  for (const label of ["الاسم الكامل", "نوع الهوية", "رقم الهوية", "رقم الجوال", "البريد الإلكتروني (اختياري)", "المدينة", "عدد أفراد الأسرة", "نوع الدعم المطلوب", "وصف الحاجة", "قناة ورود الطلب"]) {
    expect(screen.getByLabelText(label)).toBeInTheDocument();
  }
  const channel = screen.getByLabelText("قناة ورود الطلب") as HTMLSelectElement;
  expect(channel.value).toBe("WEBSITE");
  expect(within(channel).getAllByRole("option").map((o) => o.textContent)).toEqual(["اختر…", "الاتصالات الهاتفية", "الموقع الإلكتروني للجمعية"]);
  expect(screen.getByText("إشعار الخصوصية (الإصدار 3)").closest("details")).toHaveTextContent("تجمع الجمعية بياناتك");
  expect(screen.getByText("التأكد من صحة البيانات المقدمة من طالب الدعم.")).toBeInTheDocument();
  expect(screen.getByRole("checkbox", { name: /أقرّ بأن البيانات التي أدخلتها صحيحة/ })).toBeInTheDocument();
  // The honeypot is out of reach of people and assistive technology.
  const honeypot = document.querySelector('input[name="website"]') as HTMLInputElement;
  expect(honeypot.tabIndex).toBe(-1);
  expect(honeypot.autocomplete).toBe("off");
  expect(honeypot.closest('[aria-hidden="true"]')).not.toBeNull();
  expect(screen.queryByRole("textbox", { name: "اترك هذا الحقل فارغًا" })).toBeNull();
});

it("asks for the health consent only when the service is health-related", () => {
  const { unmount } = renderIntl(<IntakeForm {...props} />);
  expect(screen.queryByRole("checkbox", { name: /بياناتي الصحية/ })).toBeNull();
  expect(screen.queryByText("قد يتضمن طلبك معلومات صحية.")).toBeNull();
  unmount();
  renderIntl(<IntakeForm {...props} healthRelated />);
  expect(screen.getByRole("checkbox", { name: /بياناتي الصحية/ })).toBeInTheDocument();
  expect(screen.getByText("قد يتضمن طلبك معلومات صحية.")).toBeInTheDocument();
});

it("shows each refused field's error, linked to its input, and keeps what was typed", async () => {
  answer = {
    fieldErrors: { idNumber: "validation.idNumberInvalid", privacyConsent: "validation.privacyConsentRequired", supportTypeKey: "validation.supportTypeRequired" },
    values: { applicantName: "سارة محمد", idType: "IQAMA", idNumber: "123", city: "جدة", description: "وصف الحاجة بالتفصيل", accuracyDeclaration: "on", channelKey: "PHONE" },
  };
  renderIntl(<IntakeForm {...props} />);
  await submit();
  expect(await screen.findByRole("alert")).toHaveTextContent("راجع الحقول المظللة.");

  const idNumber = screen.getByLabelText("رقم الهوية");
  expect(idNumber).toHaveAttribute("aria-invalid", "true");
  expect(idNumber).toHaveAccessibleDescription(/رقم الهوية غير صحيح/);
  expect(idNumber).toHaveValue("123");
  const privacy = screen.getByRole("checkbox", { name: /قرأت إشعار الخصوصية/ });
  expect(privacy).toHaveAccessibleDescription("لا يمكن استقبال الطلب دون الموافقة على إشعار الخصوصية.");
  expect(privacy).not.toBeChecked();
  expect(screen.getByLabelText("نوع الدعم المطلوب")).toHaveAccessibleDescription("اختر نوع الدعم المطلوب من القائمة.");

  expect(screen.getByLabelText("الاسم الكامل")).toHaveValue("سارة محمد");
  expect(screen.getByLabelText("المدينة")).toHaveValue("جدة");
  expect(screen.getByLabelText("نوع الهوية")).toHaveValue("IQAMA");
  expect(screen.getByLabelText("قناة ورود الطلب")).toHaveValue("PHONE");
  expect(screen.getByLabelText("وصف الحاجة")).toHaveValue("وصف الحاجة بالتفصيل");
  expect(screen.getByRole("checkbox", { name: /أقرّ بأن البيانات/ })).toBeChecked();
  expect(calls[0].action).toBe("public");
});

it("sends what was filled in, checkboxes as on", async () => {
  renderIntl(<IntakeForm {...props} />);
  await userEvent.type(screen.getByLabelText("الاسم الكامل"), "سارة");
  await userEvent.click(screen.getByRole("checkbox", { name: /قرأت إشعار الخصوصية/ }));
  await submit();
  await waitFor(() => expect(calls).toHaveLength(1));
  const sent = calls[0].form;
  expect(sent.get("applicantName")).toBe("سارة");
  expect(sent.get("privacyConsent")).toBe("on");
  expect(sent.get("accuracyDeclaration")).toBeNull();
  expect(sent.get("channelKey")).toBe("WEBSITE");
  expect(sent.get("website")).toBe("");
});

it("confirms a received request inline: the reference, the due date in both calendars, what comes next", async () => {
  answer = { ok: true, data: { reference: "1448-00042", dueAt: "2026-12-08T20:59:59.999Z" } };
  renderIntl(<IntakeForm {...props} />);
  await submit();
  const result = await screen.findByRole("status");
  expect(within(result).getByRole("heading", { name: "استلمنا طلبك" })).toBeInTheDocument();
  const reference = screen.getByTestId("reference");
  expect(reference).toHaveTextContent("1448-00042");
  expect(reference).toHaveAttribute("dir", "ltr");
  // 8 December 2026 = 28 Jumada al-Akhira 1448.
  expect(result).toHaveTextContent("في موعد أقصاه 1448/6/28هـ الموافق 8 ديسمبر 2026م");
  expect(result).toHaveTextContent("ماذا بعد؟");
  expect(within(result).getByRole("link", { name: "تابع طلبك" })).toHaveAttribute("href", "/track");
  expect(screen.queryByRole("button", { name: "إرسال الطلب" })).toBeNull();
});

it("shows the open request's reference when the ID already has one", async () => {
  answer = { ok: true, data: { existing: "1448-00007" } };
  renderIntl(<IntakeForm {...props} />, "en");
  await userEvent.click(screen.getByRole("button", { name: "Send the request" }));
  const result = await screen.findByRole("status");
  expect(result).toHaveTextContent("You already have an open request");
  expect(screen.getByTestId("reference")).toHaveTextContent("1448-00007");
  expect(within(result).getByRole("link", { name: "Follow the open request" })).toHaveAttribute("href", "/track");
});

it("lets an officer record the applicant's consents, choose the channel, and start the next request", async () => {
  answer = { ok: true, data: { reference: "1448-00043", dueAt: "2026-12-08T20:59:59.999Z" } };
  renderIntl(<IntakeForm {...props} healthRelated staff />);
  expect(screen.getByLabelText("قناة ورود الطلب")).toHaveValue(""); // the officer chooses
  expect(screen.getByRole("checkbox", { name: "وافق المستفيد على إشعار الخصوصية." })).toBeInTheDocument();
  expect(screen.getByRole("checkbox", { name: "وافق المستفيد صراحةً على معالجة بياناته الصحية." })).toBeInTheDocument();
  expect(screen.getByRole("checkbox", { name: "أقرّ المستفيد بصحة البيانات وبمسؤوليته المباشرة عنها." })).toBeInTheDocument();
  expect(document.querySelector('input[name="website"]')).toBeNull();
  await userEvent.click(screen.getByRole("button", { name: "تسجيل الطلب" }));
  expect(await screen.findByRole("heading", { name: "سُجّل الطلب" })).toBeInTheDocument();
  expect(calls[0].action).toBe("staff");
  await userEvent.click(screen.getByRole("button", { name: "إدخال طلب آخر" }));
  expect(screen.getByLabelText("الاسم الكامل")).toHaveValue("");
});

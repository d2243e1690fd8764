import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FormState } from "@/lib/auth/form";
import { renderIntl } from "./render";

// The server actions are stand-ins that record what the form sent and answer as the guard
// would; their behaviour is tested on a real database in tests/integration/tracking.
const sent: { action: string; data: Record<string, unknown> }[] = [];
const answers: Record<string, FormState> = {};
const fake = (action: string) => async (_state: FormState, form: FormData) => {
  sent.push({ action, data: Object.fromEntries(form.entries()) });
  return answers[action] ?? {};
};
jest.mock("@/lib/tracking/actions", () => ({
  requestTrackingCodeAction: (...args: [FormState, FormData]) => fake("request")(...args),
  verifyTrackingCodeAction: (...args: [FormState, FormData]) => fake("verify")(...args),
  endTrackingAction: (...args: [FormState, FormData]) => fake("end")(...args),
}));
const push = jest.fn();
jest.mock("@/lib/i18n/navigation", () => ({ useRouter: () => ({ push, refresh: jest.fn() }) }));

import { EndTrackingButton, TrackForm } from "@/components/tracking/TrackForm";

beforeEach(() => {
  sent.length = 0;
  for (const key of Object.keys(answers)) delete answers[key];
  push.mockReset();
});

describe("TrackForm", () => {
  it("asks for reference and mobile, then for the code, then opens the status page", async () => {
    renderIntl(<TrackForm />);
    await userEvent.type(screen.getByLabelText("رقم الطلب"), "١٤٤٨-٠٠٠٤٢");
    await userEvent.type(screen.getByLabelText("رقم الجوال"), "0551234567");
    answers.request = { ok: true, notice: "track.codeSentIfMatch", data: { reference: "1448-00042" } };
    await userEvent.click(screen.getByRole("button", { name: "أرسل الرمز" }));

    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("إذا كانت البيانات مطابقة"));
    expect(sent).toEqual([{ action: "request", data: { reference: "١٤٤٨-٠٠٠٤٢", mobile: "0551234567" } }]);
    expect(screen.queryByLabelText("رقم الجوال")).not.toBeInTheDocument();

    const code = screen.getByLabelText("رمز التحقق");
    expect(code).toHaveAttribute("autocomplete", "one-time-code");
    await userEvent.type(code, "111111");
    answers.verify = { error: "errors.TRACKING_CODE_INVALID", fieldErrors: { code: "errors.TRACKING_CODE_INVALID" } };
    await userEvent.click(screen.getByRole("button", { name: "تحقّق واعرض الطلب" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("الرمز غير صحيح"));
    expect(screen.getByLabelText("رمز التحقق")).toHaveAttribute("aria-invalid", "true");
    expect(sent[1]).toEqual({ action: "verify", data: { reference: "1448-00042", code: "111111" } });
    expect(push).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByLabelText("رمز التحقق"));
    await userEvent.type(screen.getByLabelText("رمز التحقق"), "123456");
    answers.verify = { ok: true, notice: "track.verified" };
    await userEvent.click(screen.getByRole("button", { name: "تحقّق واعرض الطلب" }));
    await waitFor(() => expect(push).toHaveBeenCalledWith("/track/status"));
    expect(sent[2].data).toEqual({ reference: "1448-00042", code: "123456" });
  });

  it("shows step 1's localized field errors, linked to their fields, and keeps what was typed", async () => {
    renderIntl(<TrackForm />, "en");
    answers.request = {
      fieldErrors: { reference: "validation.referenceInvalid", mobile: "validation.phoneInvalid" },
      values: { reference: "abc", mobile: "123" },
    };
    await userEvent.type(screen.getByLabelText("Request number"), "abc");
    await userEvent.type(screen.getByLabelText("Mobile number"), "123");
    await userEvent.click(screen.getByRole("button", { name: "Send the code" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("Check the highlighted fields."));
    const mobile = screen.getByLabelText("Mobile number");
    expect(mobile).toHaveValue("123");
    expect(mobile).toHaveAttribute("aria-invalid", "true");
    expect(mobile).toHaveAccessibleDescription(/Enter a valid phone number/);
    expect(screen.getByLabelText("Request number")).toHaveAccessibleDescription(/such as 1448-00042/);
    expect(screen.queryByLabelText("Verification code")).not.toBeInTheDocument();
  });

  it("can start again from step 2", async () => {
    renderIntl(<TrackForm />, "en");
    answers.request = { ok: true, notice: "track.codeSentIfMatch", data: { reference: "1448-00042" } };
    await userEvent.type(screen.getByLabelText("Request number"), "1448-00042");
    await userEvent.type(screen.getByLabelText("Mobile number"), "0551234567");
    await userEvent.click(screen.getByRole("button", { name: "Send the code" }));
    await waitFor(() => expect(screen.getByLabelText("Verification code")).toBeInTheDocument());
    await userEvent.click(screen.getByRole("button", { name: "Start again" }));
    expect(screen.getByLabelText("Request number")).toBeInTheDocument();
  });
});

describe("EndTrackingButton", () => {
  it("clears the session and goes back to /track", async () => {
    renderIntl(<EndTrackingButton />, "en");
    answers.end = { ok: true };
    await userEvent.click(screen.getByRole("button", { name: "Stop following" }));
    await waitFor(() => expect(push).toHaveBeenCalledWith("/track"));
    expect(sent).toEqual([{ action: "end", data: {} }]);
  });
});

import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FormState } from "@/lib/auth/form";
import { renderIntl } from "./render";

// The server actions are the boundary: here they are stand-ins that record what the form sent
// and answer with a FormState, as the guard would. Their own behaviour is tested on a real
// database in tests/integration.
const sent: Record<string, unknown>[] = [];
let answer: FormState = {};
const fakeAction = async (_state: FormState, form: FormData) => {
  const entry: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) entry[key] = form.getAll(key).length > 1 ? form.getAll(key) : form.get(key);
  sent.push(entry);
  return answer;
};
jest.mock("@/lib/members/actions", () => ({
  inviteMemberAction: (...args: [FormState, FormData]) => fakeAction(...args),
  changeRolesAction: (...args: [FormState, FormData]) => fakeAction(...args),
  removeMemberAction: (...args: [FormState, FormData]) => fakeAction(...args),
  revokeInvitationAction: (...args: [FormState, FormData]) => fakeAction(...args),
}));

import { InviteForm, MemberRolesForm } from "@/components/admin/MemberForms";

beforeEach(() => {
  sent.length = 0;
  answer = {};
});

describe("InviteForm", () => {
  it("sends the e-mail and every checked role, and offers only roles the admin may grant", async () => {
    renderIntl(<InviteForm grantable={["OFFICER", "BOARD"]} />);
    expect(screen.getByRole("checkbox", { name: "مدير" })).toBeDisabled();
    expect(screen.getByRole("checkbox", { name: "مسؤول علاقات المستفيدين" })).toBeEnabled();
    await userEvent.type(screen.getByLabelText("البريد الإلكتروني"), "new@qader.example");
    await userEvent.click(screen.getByRole("checkbox", { name: "مسؤول علاقات المستفيدين" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "عضو مجلس الإدارة" }));
    answer = { ok: true, notice: "members.invited" };
    await userEvent.click(screen.getByRole("button", { name: "أرسل الدعوة" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("أُرسلت الدعوة"));
    expect(sent).toEqual([{ email: "new@qader.example", roles: ["OFFICER", "BOARD"] }]);
  });

  it("shows the server's localized field errors and keeps what was typed", async () => {
    renderIntl(<InviteForm grantable={["ADMIN", "OFFICER"]} />, "en");
    await userEvent.type(screen.getByLabelText("E-mail"), "not-an-email");
    await userEvent.click(screen.getByRole("checkbox", { name: "Admin" }));
    answer = { fieldErrors: { email: "validation.emailInvalid" }, values: { email: "not-an-email", roles: "ADMIN" } };
    await userEvent.click(screen.getByRole("button", { name: "Send the invitation" }));
    await waitFor(() => expect(screen.getByText(/Enter a valid e-mail address/)).toBeInTheDocument());
    const email = screen.getByLabelText("E-mail");
    expect(email).toHaveValue("not-an-email");
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("checkbox", { name: "Admin" })).toBeChecked();
    expect(screen.getByRole("alert")).toHaveTextContent("Check the highlighted fields.");
  });
});

describe("MemberRolesForm", () => {
  it("starts from the member's roles and reports the last-admin refusal", async () => {
    renderIntl(<MemberRolesForm userId="u1" roles={["ADMIN"]} isChair={false} grantable={["ADMIN", "OFFICER", "BOARD"]} label="roles of A" />);
    const admin = screen.getByRole("checkbox", { name: "مدير" });
    expect(admin).toBeChecked();
    await userEvent.click(admin);
    await userEvent.click(screen.getByRole("checkbox", { name: "مسؤول علاقات المستفيدين" }));
    answer = { fieldErrors: { roles: "errors.LAST_ADMIN" }, values: { userId: "u1", roles: "OFFICER" } };
    await userEvent.click(screen.getByRole("button", { name: "حفظ الأدوار" }));
    await waitFor(() => expect(screen.getByText(/لا يمكن إزالة آخر مدير/)).toBeInTheDocument());
    expect(sent).toEqual([{ userId: "u1", roles: "OFFICER" }]);
  });
});

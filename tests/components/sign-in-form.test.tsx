import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderIntl } from "./render";

// next-auth's client is the boundary: it posts to /api/auth, which the browser tests exercise
// against the real server. Here it answers as next-auth does on failure.
const signIn = jest.fn();
jest.mock("next-auth/react", () => ({ signIn: (...args: unknown[]) => signIn(...args) }));
jest.mock("@/lib/i18n/navigation", () => ({ Link: ({ href, children }: { href: string; children: React.ReactNode }) => <a href={href}>{children}</a> }));

import { SignInForm } from "@/components/auth/SignInForm";

beforeEach(() => signIn.mockReset());

it("sends the credentials without a redirect and shows the localized refusal, keeping the e-mail", async () => {
  signIn.mockResolvedValue({ ok: false, error: "CredentialsSignin", status: 401 });
  renderIntl(<SignInForm fallback="/admin" />);
  await userEvent.type(screen.getByLabelText("البريد الإلكتروني"), "admin@qader.demo");
  await userEvent.type(screen.getByLabelText("كلمة المرور"), "wrong-password");
  await userEvent.click(screen.getByRole("button", { name: "دخول" }));
  await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("البريد الإلكتروني أو كلمة المرور غير صحيحة"));
  expect(signIn).toHaveBeenCalledWith("credentials", { email: "admin@qader.demo", password: "wrong-password", redirect: false });
  expect(screen.getByLabelText("البريد الإلكتروني")).toHaveValue("admin@qader.demo");
});

it("says when too many attempts were made", async () => {
  signIn.mockResolvedValue({ ok: false, error: "RATE_LIMITED", status: 401 });
  renderIntl(<SignInForm fallback="/en/admin" />, "en");
  await userEvent.type(screen.getByLabelText("E-mail"), "admin@qader.demo");
  await userEvent.type(screen.getByLabelText("Password"), "x");
  await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
  await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("Too many attempts"));
});

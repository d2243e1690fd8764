import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FormState } from "@/lib/auth/form";
import { renderIntl } from "./render";

// The server actions are stand-ins that record what the button sent and answer as the guard
// would; checkout itself is tested against a stand-in Stripe in tests/integration/billing.
const sent: { action: string; fields: Record<string, unknown> }[] = [];
let answer: FormState = {};
const fake = (action: string) => async (_state: FormState, form: FormData) => {
  sent.push({ action, fields: Object.fromEntries(form.entries()) });
  return answer;
};
jest.mock("@/lib/billing/actions", () => ({
  startCheckoutAction: (...args: [FormState, FormData]) => fake("checkout")(...args),
  openPortalAction: (...args: [FormState, FormData]) => fake("portal")(...args),
}));

import { PlanCards } from "@/components/billing/PlanCards";
import { UsageBar } from "@/components/billing/UsageBar";

beforeEach(() => {
  sent.length = 0;
  answer = {};
});

const card = (plan: string) => screen.getByTestId(`plan-${plan}`);

describe("PlanCards", () => {
  it("shows SAR prices monthly or yearly and upgrades to the chosen plan and interval", async () => {
    renderIntl(<PlanCards current="FREE" configured subscribed={false} />);
    expect(within(card("STANDARD")).getByText("199 ر.س / شهريًا")).toBeInTheDocument();
    expect(within(card("FREE")).getByText("الخطة الحالية")).toBeInTheDocument();
    expect(within(card("FREE")).queryByRole("button")).toBeNull();
    await userEvent.click(screen.getByRole("radio", { name: "سنوي" }));
    expect(within(card("STANDARD")).getByText("1,990 ر.س / سنويًا")).toBeInTheDocument();
    expect(within(card("PLUS")).getByText("4,990 ر.س / سنويًا")).toBeInTheDocument();
    await userEvent.click(within(card("STANDARD")).getByRole("button", { name: "ترقية" }));
    await waitFor(() => expect(sent).toEqual([{ action: "checkout", fields: { plan: "STANDARD", interval: "year" } }]));
  });

  it("offers no button for the current plan, and none at all when billing is not configured", () => {
    const { unmount } = renderIntl(<PlanCards current="STANDARD" configured subscribed={false} />, "en");
    expect(within(card("STANDARD")).queryByRole("button")).toBeNull();
    expect(within(card("STANDARD")).getByText("Current plan")).toBeInTheDocument();
    expect(within(card("PLUS")).getByRole("button", { name: "Upgrade" })).toBeInTheDocument();
    unmount();
    renderIntl(<PlanCards current="FREE" configured={false} subscribed={false} />, "en");
    expect(screen.queryByRole("button", { name: "Upgrade" })).toBeNull();
    expect(within(card("PLUS")).getByText("499 SAR / month")).toBeInTheDocument();
  });

  it("sends a paying association to the Customer Portal rather than a second checkout", async () => {
    renderIntl(<PlanCards current="STANDARD" configured subscribed />, "en");
    await userEvent.click(within(card("PLUS")).getByRole("button", { name: "Change in Manage billing" }));
    await waitFor(() => expect(sent.map((entry) => entry.action)).toEqual(["portal"]));
  });

  it("shows Stripe's failure as a localized alert beside the button", async () => {
    renderIntl(<PlanCards current="FREE" configured subscribed={false} />);
    answer = { error: "errors.BILLING_UNAVAILABLE" };
    await userEvent.click(within(card("PLUS")).getByRole("button", { name: "ترقية" }));
    await waitFor(() => expect(within(card("PLUS")).getByRole("alert")).toHaveTextContent("لم تستجب خدمة الدفع"));
  });
});

describe("UsageBar", () => {
  it("marks usage over the plan's limit", () => {
    render(<UsageBar label="Members" used={4} limit={3} text="4 of 3" />);
    expect(screen.getByText("4 of 3")).toHaveClass("text-red-700");
  });
  it("does not mark usage within the limit", () => {
    render(<UsageBar label="Members" used={2} limit={3} text="2 of 3" />);
    expect(screen.getByText("2 of 3")).not.toHaveClass("text-red-700");
  });
});

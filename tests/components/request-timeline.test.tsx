import { screen, within } from "@testing-library/react";
import { DeadlineBadge } from "@/components/requests/DeadlineBadge";
import { Timeline } from "@/components/requests/Timeline";
import type { RequestDetail } from "@/lib/requests/queries";
import { renderIntl } from "./render";

type Event = RequestDetail["events"][number];
const event = (type: string, data: object, actorName: string | null, minute: number): Event =>
  ({ associationId: "a", id: `e${minute}`, requestId: "r", type, actorId: null, data, createdAt: new Date(Date.UTC(2026, 10, 24, 8, minute)), actorName }) as Event;

it("labels each event in the reader's language, with the people it names and the notes' text", () => {
  const events = [
    event("SUBMITTED", { channelKey: "WEBSITE" }, null, 0),
    event("REFERRED_TO_RESEARCH", { researcherId: "u-r" }, "Officer One", 1),
    event("FIELD_VISIT", { text: "Visited the family", visitedOn: "2026-11-23" }, "Researcher", 2),
    event("DECIDED", { decision: "REJECT", reason: "Income above the limit" }, "Member", 3),
  ];
  renderIntl(<Timeline events={events} names={{ "u-r": "Sara the researcher" }} locale="en" />, "en");
  const items = within(screen.getByTestId("timeline")).getAllByRole("listitem");
  expect(items.map((li) => li.querySelector("p")!.textContent)).toEqual([
    "Request received",
    "Referred to researcher Sara the researcher",
    "Field visit report",
    "Committee decision: Reject",
  ]);
  expect(items[0]).toHaveTextContent("System");
  expect(items[1]).toHaveTextContent("by Officer One");
  expect(items[2]).toHaveTextContent("Visited the family");
  expect(items[2]).toHaveTextContent("Visited on 23 November 2026 (13 Jumada II 1448 AH)");
  expect(items[3]).toHaveTextContent("Income above the limit");
});

it("shows the deadline state and the countdown, and the decision against the deadline once decided", () => {
  const now = new Date("2026-11-24T09:00:00Z");
  const badge = (dueAt: string, decidedAt: string | null) => {
    const view = renderIntl(<DeadlineBadge dueAt={new Date(dueAt)} decidedAt={decidedAt ? new Date(decidedAt) : null} now={now} />, "en");
    const found = screen.getByTestId("deadline");
    const result = { state: found.getAttribute("data-state"), text: found.textContent };
    view.unmount();
    return result;
  };
  expect(badge("2026-11-26T11:00:00Z", null)).toEqual({ state: "DUE_SOON", text: "Due soon2 d 2 h left" });
  expect(badge("2026-12-26T11:00:00Z", null)).toEqual({ state: "ON_TIME", text: "On time32 d 2 h left" });
  expect(badge("2026-11-22T09:00:00Z", null)).toEqual({ state: "OVERDUE", text: "Overdue2 d 0 h late" });
  expect(badge("2026-11-22T09:00:00Z", "2026-11-21T09:00:00Z")).toEqual({ state: "MET", text: "Decided in time" });
  expect(badge("2026-11-22T09:00:00Z", "2026-11-23T09:00:00Z")).toEqual({ state: "MISSED", text: "Decided late" });
});

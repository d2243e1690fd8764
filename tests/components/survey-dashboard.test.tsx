import { render, screen, within } from "@testing-library/react";
import { CountChart } from "@/components/reports/CountChart";
import { GroupTable } from "@/components/surveys/dashboard/GroupTable";
import { HeadlineCards } from "@/components/surveys/dashboard/HeadlineCards";
import { TrendChart } from "@/components/surveys/dashboard/TrendChart";

// ResponsiveContainer measures its parent; jsdom has no layout, so give it a size.
beforeAll(() => {
  global.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  jest.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockReturnValue({ width: 320, height: 256, top: 0, left: 0, right: 320, bottom: 256, x: 0, y: 0, toJSON: () => ({}) });
  Object.defineProperties(HTMLElement.prototype, { clientWidth: { configurable: true, get: () => 320 }, clientHeight: { configurable: true, get: () => 256 } });
});

const labels = { responses: "الإجابات", csat: "الرضا", nps: "صافي نقاط الترويج" };

describe("GroupTable", () => {
  it("isolates signed NPS left to right and says why a group has no figures", () => {
    render(
      <div dir="rtl">
        <GroupTable
          caption="حسب الشهر"
          groupLabel="الشهر"
          labels={labels}
          testId="t"
          rows={[
            { key: "2026-09", label: "سبتمبر", responses: "12", csat: "75%", nps: "-20" },
            { key: "2026-10", label: "أكتوبر", responses: "—", csat: "—", nps: "—", hidden: "لا توجد إجابات" },
          ]}
        />
      </div>,
    );
    const september = screen.getByRole("rowheader", { name: "سبتمبر" }).closest("tr")!;
    expect(within(september).getByText("-20")).toHaveAttribute("dir", "ltr");
    const october = screen.getByRole("rowheader", { name: "أكتوبر" }).closest("tr")!;
    expect(within(october).getAllByRole("cell").map((c) => c.textContent)).toEqual(["لا توجد إجابات"]);
  });
});

describe("HeadlineCards", () => {
  it("isolates a signed figure left to right", () => {
    render(<HeadlineCards title="ملخص" figures={[{ id: "nps", label: "NPS", value: "-20", signed: true }, { id: "csat", label: "CSAT", value: "75%" }]} />);
    expect(within(screen.getByTestId("survey-figure-nps")).getByText("-20")).toHaveAttribute("dir", "ltr");
    expect(within(screen.getByTestId("survey-figure-csat")).getByText("75%").tagName).toBe("DD");
  });
});

// In Arabic the value axis sits on the right; drawn right to left, its numbers (anchored at the
// axis, text-anchor start) would run back over the axis line and the bars.
describe("value axis in Arabic", () => {
  const yTicks = (container: HTMLElement) => [...container.querySelectorAll(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value")];

  it("draws the bar chart's numbers left to right", () => {
    const { container } = render(
      <div dir="rtl">
        <CountChart id="q" title="t" chartLabel="c" rows={[{ key: "1", label: "1", count: 3 }, { key: "2", label: "2", count: 7 }]} rtl columnLabel="k" countLabel="n" totalLabel="s" />
      </div>,
    );
    expect(yTicks(container).length).toBeGreaterThan(0);
    for (const tick of yTicks(container)) expect(tick).toHaveAttribute("direction", "ltr");
  });

  it("draws the trend's percentages left to right", () => {
    const { container } = render(
      <div dir="rtl">
        <TrendChart rtl chartLabel="c" seriesLabel="s" points={[{ month: "2026-09", label: "سبتمبر", csat: 50 }, { month: "2026-10", label: "أكتوبر", csat: 80 }]} />
      </div>,
    );
    expect(yTicks(container).length).toBeGreaterThan(0);
    for (const tick of yTicks(container)) expect(tick).toHaveAttribute("direction", "ltr");
  });
});

import { render, screen, within } from "@testing-library/react";
import { ComplaintsTable } from "@/components/reports/ComplaintsTable";
import { CountChart } from "@/components/reports/CountChart";

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

const rows = [
  { key: "PHONE", label: "الاتصالات الهاتفية", count: 3 },
  { key: "WEBSITE", label: "الموقع الإلكتروني", count: 2 },
];

describe("CountChart", () => {
  it("shows the same figures in a table, with a total, next to a labelled chart", () => {
    render(<CountChart id="channels" title="حسب القناة" chartLabel="رسم بياني: حسب القناة" rows={rows} rtl columnLabel="القناة" countLabel="العدد" totalLabel="المجموع" />);
    expect(screen.getByRole("img", { name: "رسم بياني: حسب القناة" })).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "حسب القناة" });
    expect(within(table).getByRole("rowheader", { name: "الاتصالات الهاتفية" }).closest("tr")).toHaveTextContent("3");
    expect(within(table).getByRole("rowheader", { name: "المجموع" }).closest("tr")).toHaveTextContent("5");
    expect(screen.getByRole("region", { name: "حسب القناة" })).toBeInTheDocument();
  });

  it.each([
    [true, "right to left"],
    [false, "left to right"],
  ])("draws the first bar first when rtl=%s (%s)", (rtl) => {
    const { container } = render(<CountChart id="c" title="t" chartLabel="c" rows={rows} rtl={rtl} columnLabel="k" countLabel="n" totalLabel="s" />);
    const xs = [...container.querySelectorAll(".recharts-bar-rectangle path")].map((p) => Number(p.getAttribute("x")));
    expect(xs).toHaveLength(2);
    expect(rtl ? xs[0] > xs[1] : xs[0] < xs[1]).toBe(true);
  });
});

describe("ComplaintsTable", () => {
  const matrix = {
    kinds: [{ key: "COMPLAINT", label: "شكوى" }, { key: "SUGGESTION", label: "مقترح" }],
    statuses: [{ key: "NEW", label: "جديدة" }, { key: "CLOSED", label: "مغلقة" }],
    counts: { "COMPLAINT:NEW": 2, "SUGGESTION:CLOSED": 1 },
  };
  it("crosses kinds and statuses with row totals", () => {
    render(<ComplaintsTable id="complaints" title="الشكاوى" intro="" empty="لا شيء" kindLabel="النوع" totalLabel="المجموع" matrix={matrix} />);
    const complaintRow = screen.getByRole("rowheader", { name: "شكوى" }).closest("tr")!;
    expect([...complaintRow.querySelectorAll("td")].map((td) => td.textContent)).toEqual(["2", "0", "2"]);
  });
  it("says so when there is nothing", () => {
    render(<ComplaintsTable id="complaints" title="الشكاوى" intro="" empty="لا شيء" kindLabel="النوع" totalLabel="المجموع" matrix={{ ...matrix, counts: {} }} />);
    expect(screen.getByText("لا شيء")).toBeInTheDocument();
    expect(screen.queryByRole("table")).toBeNull();
  });
});

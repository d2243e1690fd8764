/** The from/to days of a GET filter form (reports, surveys, audit log); empty means the page's default. */
export function DateRangeFields({ from, to, labels }: { from?: string; to?: string; labels: { from: string; to: string } }) {
  const input = "rounded-md border border-stone-300 px-2 py-1";
  return (
    <>
      <label className="flex min-w-0 flex-col gap-1 text-sm">
        {labels.from}
        <input type="date" name="from" defaultValue={from} className={input} />
      </label>
      <label className="flex min-w-0 flex-col gap-1 text-sm">
        {labels.to}
        <input type="date" name="to" defaultValue={to} className={input} />
      </label>
    </>
  );
}

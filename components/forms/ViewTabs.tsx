"use client";

export type EditorView = "edit" | "preview";

/** An editor's two views as tabs: editing, and the preview of what the public will see. */
export function ViewTabs({ label, view, onChange, names }: { label: string; view: EditorView; onChange: (view: EditorView) => void; names: Record<EditorView, string> }) {
  return (
    <div role="tablist" aria-label={label} className="flex gap-1">
      {(["edit", "preview"] as const).map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={view === name}
          onClick={() => onChange(name)}
          className={`rounded-md px-3 py-1.5 text-sm font-medium ${view === name ? "bg-[var(--brand)] text-white" : "text-stone-800 hover:bg-stone-200"}`}
        >
          {names[name]}
        </button>
      ))}
    </div>
  );
}

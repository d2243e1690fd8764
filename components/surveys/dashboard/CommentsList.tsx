// Free-text answers, newest first. Each is shown in its own direction (dir="auto"): a comment
// may be written in either language.

export type CommentItem = { id: string; question: string; month: string; text: string };

export function CommentsList({ items }: { items: CommentItem[] }) {
  return (
    <ul className="mt-3 grid gap-2" data-testid="survey-comments">
      {items.map((c) => (
        <li key={c.id} className="rounded-md border border-stone-200 bg-stone-50 p-3">
          <p dir="auto" className="whitespace-pre-line break-words">{c.text}</p>
          <p className="mt-1 text-xs text-stone-600">{c.month} · {c.question}</p>
        </li>
      ))}
    </ul>
  );
}

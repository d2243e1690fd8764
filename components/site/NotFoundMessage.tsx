import type { ReactNode } from "react";

/** The body of every 404 page. */
export function NotFoundMessage({ title, body, children }: { title: string; body: string; children?: ReactNode }) {
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col items-center px-6 py-24 text-center">
      <p className="text-6xl font-bold text-stone-300" aria-hidden="true">
        404
      </p>
      <h1 className="mt-4 text-2xl font-bold">{title}</h1>
      <p className="mt-3 text-stone-600">{body}</p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">{children}</div>
    </main>
  );
}

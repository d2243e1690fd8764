// The printed pack's running footer: CSS @page margin boxes (Chromium draws them on every page),
// their text built from the localized message with the page counters spliced in.

const PAGE = "\uE000";
const PAGES = "\uE001";

/** A CSS string literal: quotes and backslashes escaped, and "<" too so it cannot close the <style> element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<\n]/g, (ch) => `\\${ch.charCodeAt(0).toString(16)} `)}"`;
}

/** `@page` rule whose bottom margin reads the message, with `page`/`pages` as the live page numbers. */
export function pageFooterCss(message: (counters: { page: string; pages: string }) => string, dir: "rtl" | "ltr"): string {
  const content = message({ page: PAGE, pages: PAGES })
    .split(/(\uE000|\uE001)/)
    .filter(Boolean)
    .map((part) => (part === PAGE ? "counter(page)" : part === PAGES ? "counter(pages)" : cssString(part)))
    .join(" ");
  return `@page { @bottom-center { content: ${content}; direction: ${dir}; font-size: 8pt; color: #444; } }`;
}

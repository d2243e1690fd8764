/** The association's public pages served from the page cache (ISR, ./public-cache.ts), as the
 * visitor sees them, without the locale prefix. */
const CACHED = [/^\/$/, /^\/request$/, /^\/track$/, /^\/complaints$/, /^\/policy\/print$/, /^\/policy\/history(\/\d+)?$/];

export function isCachedPublicPath(path: string): boolean {
  const bare = path.split(/[?#]/)[0].replace(/^\/en(?=\/|$)/, "") || "/";
  return CACHED.some((pattern) => pattern.test(bare));
}

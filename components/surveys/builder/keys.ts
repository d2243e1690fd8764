// Keys of new questions ("q-k3x9ab") and options ("o-…"): random, so two managers' questions
// never share one, and never changed afterwards, since answers across versions are matched by them.

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

export function newKey(prefix: "q" | "o", taken: readonly string[]): string {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(6));
    const key = `${prefix}-${Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("")}`;
    if (!taken.includes(key)) return key;
  }
}

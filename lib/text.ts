// Free text typed by people (names, cities, descriptions, complaints, survey answers). Control
// characters and the bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) are invisible:
// stored, they reorder what staff read next to them ("Trojan Source") and PostgreSQL refuses NUL
// outright. They are dropped; the marks people do type in Arabic text (LRM, RLM, ALM) stay.

/** Controls other than tab and line ends, DEL, C1 controls, bidi embeddings, overrides and isolates. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /[\t\n\r]+/g;

/** A multi-line text without invisible controls (tabs and line ends kept). */
export const plainText = (value: string) => value.replace(INVISIBLE, "");

/** A one-line text: also line ends and tabs become a space. */
export const plainLine = (value: string) => plainText(value).replace(LINE_BREAKS, " ");

/** True when `value` holds a character plainText would drop. */
export const hasInvisible = (value: string) => new RegExp(INVISIBLE.source).test(value);

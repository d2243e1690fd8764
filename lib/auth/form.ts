import type { z } from "zod";

/** What a form's server action returns to it: message keys (both languages have them), and
 * the values sent, so that a rejected form keeps everything the user typed. */
export type FormState = {
  ok?: boolean;
  /** Message key of a success notice. */
  notice?: string;
  /** Message key of an error about the whole form. */
  error?: string;
  /** Field name → message key. */
  fieldErrors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  /** Data for the form's next step (e.g. the e-mail to sign in with). */
  data?: Record<string, string>;
};

export const initialFormState: FormState = {};

/** FormData → plain object; a name sent several times (checkboxes) becomes an array. A caller
 * of the action endpoint chooses its arguments: anything but a FormData is an empty form. */
export function formToObject(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!(form instanceof FormData)) return out;
  for (const [key, value] of form) {
    // "__proto__" would set the object's prototype; an inherited name ("constructor") is no prior value.
    if (key.startsWith("$ACTION") || key === "__proto__" || typeof value !== "string") continue;
    const prior = Object.hasOwn(out, key) ? out[key] : undefined;
    out[key] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
  }
  return out;
}

/** The values to send back: never a password. */
export function echoValues(values: Record<string, string | string[]>) {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password/i.test(key)));
}

/** First message per field; zod messages in our schemas are message keys. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    const key = issue.message.startsWith("validation.") ? issue.message : "validation.invalid";
    out[field] ??= key;
  }
  return out;
}

/** A checkbox group or a single checkbox as an array of strings. */
export const asArray = (value: unknown) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]);

/** Only a path on this same site may follow sign-in (no open redirect to another host). URL
 * parsers drop tabs and newlines, so "/\t/evil.com" would become "//evil.com": control
 * characters are refused too. */
export function safeNext(next: string | undefined, fallback: string): string {
  return next && /^\/(?![/\\])/.test(next) && !/[\u0000-\u001f\u007f]/.test(next) ? next : fallback;
}

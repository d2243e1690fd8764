import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { normalizeDigits } from "./identity";

// Saudi mobile numbers as people write them: 05XXXXXXXX, 5XXXXXXXX, 9665XXXXXXXX,
// +9665XXXXXXXX, 009665XXXXXXXX, in Latin or Arabic-Indic digits. Stored as E.164.

/** +9665XXXXXXXX, or null when the input is not a Saudi mobile number. */
export function normalizeSaudiMobile(raw: string): string | null {
  let value = normalizeDigits(raw).replace(/[().]/g, "");
  // Digits only: libphonenumber would otherwise read "0501234567x", "tel:…" or "… ext 12" as this
  // number and silently drop the rest.
  if (!/^\+?\d{1,20}$/.test(value)) return null;
  if (value.startsWith("00")) value = `+${value.slice(2)}`;
  else if (/^966\d{9}$/.test(value)) value = `+${value}`;
  const phone = parsePhoneNumberFromString(value, "SA");
  if (!phone || phone.country !== "SA" || !phone.isValid() || phone.getType() !== "MOBILE") return null;
  return phone.number;
}

/** +966 5X XXX XXXX for display. */
export function formatSaudiMobile(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

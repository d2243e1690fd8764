import bcrypt from "bcryptjs";
import { z } from "zod";

// bcrypt (pure JavaScript: nothing to compile on install). Cost 11 takes ≈150 ms here.
const COST = Number(process.env.BCRYPT_COST ?? 11);

/** bcrypt reads at most 72 bytes; Arabic letters take two bytes each in UTF-8. */
const MAX_BYTES = 72;

export const passwordSchema = z
  .string()
  .min(10, "validation.passwordTooShort")
  .refine((value) => Buffer.byteLength(value, "utf8") <= MAX_BYTES, "validation.passwordTooLong")
  .refine((value) => /\p{L}/u.test(value) && /[\p{N}\p{P}\p{S}]/u.test(value), "validation.passwordWeak");

export const emailSchema = z
  .string("validation.emailInvalid")
  .trim()
  .max(254, "validation.emailInvalid")
  .pipe(z.email("validation.emailInvalid"))
  .transform((value) => value.toLowerCase());

export const hashPassword = (password: string) => bcrypt.hash(password, COST);

export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

/** Compared against when no account matches, so a wrong e-mail costs the same time as a wrong password. */
const DUMMY_HASH = bcrypt.hashSync("no such account", 4);
export const burnPasswordCheck = (password: string) => bcrypt.compare(password, DUMMY_HASH);

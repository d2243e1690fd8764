// Imported first by test files that hash passwords: lib/auth/password.ts reads BCRYPT_COST when
// it loads, and cost 4 keeps bcrypt at a few milliseconds. (Imports run in order, so this must
// be the first import of the test file.)
process.env.BCRYPT_COST ??= "4";

export {};

import { nextJestConfig } from "./jest.shared.mjs";

// Security tests over HTTP against a production build on PostgreSQL: the cross-tenant matrix
// and the fuzzing run (tests/security). globalSetup makes a fresh database on the local server
// (SECURITY_PG_URL, default postgresql://postgres@127.0.0.1:5432/postgres), then starts the app
// as the browser tests do (building unless E2E_SKIP_BUILD=1). The tests read the database
// directly to prove that nothing was written. Run with `npm run test:security`.
export default function securityConfig() {
  return nextJestConfig({
    testEnvironment: "node",
    roots: ["<rootDir>/tests/security"],
    globalSetup: "<rootDir>/tests/security/global-setup.ts",
    globalTeardown: "<rootDir>/tests/security/global-teardown.ts",
    testTimeout: 600_000,
  });
}

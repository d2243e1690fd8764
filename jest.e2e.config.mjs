import { nextJestConfig } from "./jest.shared.mjs";

// Browser tests against a production build: globalSetup builds the app, sets up a fresh
// database (temporary PGlite, or DATABASE_URL when set), starts `next start` on a free port,
// and globalTeardown stops it. Run with `npm run test:e2e` (in band: one server, one browser).
export default function e2eConfig() {
  return nextJestConfig({
    testEnvironment: "node",
    roots: ["<rootDir>/tests/e2e"],
    globalSetup: "<rootDir>/tests/e2e/global-setup.ts",
    globalTeardown: "<rootDir>/tests/e2e/global-teardown.ts",
    testTimeout: 120_000,
  });
}

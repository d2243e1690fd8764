import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

// Browser tests against a production build: globalSetup builds the app, sets up a fresh
// database (temporary PGlite, or DATABASE_URL when set), starts `next start` on a free port,
// and globalTeardown stops it. Run with `npm run test:e2e` (in band: one server, one browser).
const config = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests/e2e"],
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
  globalSetup: "<rootDir>/tests/e2e/global-setup.ts",
  globalTeardown: "<rootDir>/tests/e2e/global-teardown.ts",
  testTimeout: 120_000,
};

const e2eConfig = async () => {
  const resolved = await createJestConfig(config)();
  // next-intl and its dependencies ship ESM only.
  resolved.transformIgnorePatterns = ["/node_modules/(?!(next-intl|use-intl|@formatjs|intl-messageformat|icu-minify)/)"];
  return resolved;
};

export default e2eConfig;

import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

// Unit tests (jsdom by default; server tests declare @jest-environment node) and integration
// tests on a real database: in-memory PGlite, or PostgreSQL when DATABASE_URL is set.
const config = {
  testEnvironment: "jsdom",
  roots: ["<rootDir>/tests/unit", "<rootDir>/tests/integration"],
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
  setupFilesAfterEnv: ["<rootDir>/tests/setup.ts"],
  testTimeout: 60_000,
};

export default async function jestConfig() {
  const resolved = await createJestConfig(config)();
  // next-intl and its dependencies ship ESM only.
  resolved.transformIgnorePatterns = ["/node_modules/(?!(next-intl|use-intl|@formatjs|intl-messageformat|icu-minify)/)"];
  return resolved;
}

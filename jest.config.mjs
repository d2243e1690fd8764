import { nextJestConfig } from "./jest.shared.mjs";

// Unit tests (jsdom by default; server tests declare @jest-environment node) and integration
// tests on a real database: in-memory PGlite, or PostgreSQL when DATABASE_URL is set.
export default function jestConfig() {
  return nextJestConfig({
    testEnvironment: "jsdom",
    roots: ["<rootDir>/tests/unit", "<rootDir>/tests/components", "<rootDir>/tests/integration"],
    setupFilesAfterEnv: ["<rootDir>/tests/setup.ts"],
    testTimeout: 60_000,
  });
}

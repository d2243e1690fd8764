import nextJest from "next/jest.js";

/** next/jest with the project's module alias, and ESM-only packages (next-intl and its
 * dependencies) transformed too. Used by jest.config.mjs and jest.e2e.config.mjs. */
export async function nextJestConfig(config) {
  const resolved = await nextJest({ dir: "./" })({
    moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
    ...config,
  })();
  resolved.transformIgnorePatterns = ["/node_modules/(?!(next-intl|use-intl|@formatjs|intl-messageformat|icu-minify)/)"];
  return resolved;
}

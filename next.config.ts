import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg-boss"],
  poweredByHeader: false,
  // Cached public pages (lib/tenancy/public-cache.ts) live in this process's memory only: a
  // restarted server, or one started on another database, never serves pages rendered before.
  // 256 MB holds a few thousand pages; the least used are dropped and rendered again.
  cacheMaxMemorySize: 256 * 1024 * 1024,
  experimental: { isrFlushToDisk: false },
};

export default withNextIntl(nextConfig);

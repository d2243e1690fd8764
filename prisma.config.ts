import { defineConfig } from "prisma/config";

// Prisma's env() throws when the variable is unset; the app itself picks PGlite in that case.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://placeholder@localhost:5432/placeholder" },
});

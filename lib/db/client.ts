import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

/** Where the data lives: a PostgreSQL server, or embedded PGlite (a folder, or memory for tests). */
export type DbTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string | null };

/** Plain SQL access for the migration runner, on one session (advisory locks need that). */
export type SqlSession = {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  release(): Promise<void>;
};

export type Database = {
  target: DbTarget;
  prisma: Db;
  /** Opens a SQL session (pg: its own connection; PGlite: the single in-process connection). */
  session(): Promise<SqlSession>;
  close(): Promise<void>;
};

export const DEFAULT_PGLITE_DIR = ".data/pglite";

export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): DbTarget {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dataDir: path.resolve(/* turbopackIgnore: true */ env.PGLITE_DIR ?? DEFAULT_PGLITE_DIR) };
}

export async function openDatabase(target: DbTarget): Promise<Database> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: Number(process.env.DB_POOL_SIZE ?? 10) });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      target,
      prisma,
      async session() {
        const client = await pool.connect();
        return {
          exec: async (sql) => void (await client.query(sql)),
          query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
          release: async () => client.release(),
        };
      },
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }

  if (target.dataDir) await mkdir(path.dirname(target.dataDir), { recursive: true });
  const lite = target.dataDir ? new PGlite(target.dataDir) : new PGlite();
  await lite.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  return {
    target,
    prisma,
    async session() {
      return {
        exec: async (sql) => void (await lite.exec(sql)),
        query: async <T>(sql: string, params?: unknown[]) => (await lite.query<T>(sql, params)).rows,
        release: async () => {},
      };
    },
    async close() {
      await prisma.$disconnect();
      await lite.close();
    },
  };
}

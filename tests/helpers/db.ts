import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";

/**
 * A fresh, empty database for one test file: in-memory PGlite, or — when DATABASE_URL is set —
 * a new database on that PostgreSQL server, dropped again by close().
 */
export async function freshDatabase(options: { migrated?: boolean } = {}): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  let database: Database;
  let drop = async () => {};
  if (serverUrl) {
    const name = `test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ kind: "postgres", url: url.toString() });
    drop = async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      // pg's pool.end() resolves before its connections' Terminate messages reach the server;
      // a FORCE drop then kills them mid-close and the client emits an unhandled 57P01 error.
      // So wait for the test's own connections to leave first.
      for (let i = 0; i < 100; i++) {
        const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  } else {
    database = await openDatabase({ kind: "pglite", dataDir: null });
  }
  if (options.migrated !== false) {
    const session = await database.session();
    await migrate(session);
    await session.release();
  }
  const close = database.close;
  return { ...database, close: async () => (await close(), await drop()) };
}

export const engineName = () => (process.env.DATABASE_URL ? "postgres" : "pglite");

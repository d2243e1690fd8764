/** @jest-environment node */
import { createHash } from "node:crypto";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { MIGRATIONS_DIR, MigrationError, migrate, readMigrations } from "@/lib/db/migrate";
import { engineName, freshDatabase } from "../../helpers/db";

type Row = { migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; logs: string | null };

describe(`migration runner (${engineName()})`, () => {
  it("applies every migration once and records it as Prisma does", async () => {
    const db = await freshDatabase({ migrated: false });
    const s = await db.session();
    try {
      const files = await readMigrations();
      expect(await migrate(s)).toEqual(files.map((f) => f.name));
      expect(await migrate(s)).toEqual([]); // a second run has nothing to do

      const rows = await s.query<Row>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
      const first = files[0];
      const bytes = await readFile(path.join(MIGRATIONS_DIR, first.name, "migration.sql"));
      expect(rows).toHaveLength(files.length);
      expect(rows[0]).toMatchObject({
        migration_name: first.name,
        checksum: createHash("sha256").update(bytes).digest("hex"),
        applied_steps_count: 1,
        logs: null,
      });
      expect(rows[0].finished_at).toBeInstanceOf(Date);
    } finally {
      await s.release();
      await db.close();
    }
  });

  it("rolls back a failing migration, records its error and refuses to run past it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
    const write = async (name: string, sql: string) => {
      await mkdir(path.join(dir, name));
      await writeFile(path.join(dir, name, "migration.sql"), sql);
    };
    await write("1_ok", `CREATE TABLE "a" ("id" INTEGER PRIMARY KEY);`);
    await write("2_broken", `CREATE TABLE "b" ("id" INTEGER PRIMARY KEY);\nSELECT * FROM "missing_table";`);
    const db = await freshDatabase({ migrated: false });
    const s = await db.session();
    try {
      await expect(migrate(s, dir)).rejects.toThrow(/2_broken failed/);
      const tables = await s.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('a', 'b')`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(["a"]); // b was rolled back with its migration
      const [broken] = await s.query<Row>(`SELECT * FROM "_prisma_migrations" WHERE migration_name = '2_broken'`);
      expect(broken.finished_at).toBeNull();
      expect(broken.logs).toMatch(/missing_table/);
      await expect(migrate(s, dir)).rejects.toBeInstanceOf(MigrationError);
    } finally {
      await s.release();
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

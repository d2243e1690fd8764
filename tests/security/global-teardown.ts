import { Client } from "pg";
import e2eTeardown from "../e2e/global-teardown";

export default async function globalTeardown() {
  await e2eTeardown();
  const name = process.env.SECURITY_DB_NAME;
  if (!name || process.env.SECURITY_KEEP_DB === "1") return;
  const admin = new Client({ connectionString: process.env.SECURITY_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

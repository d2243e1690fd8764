import { Client } from "pg";
import e2eSetup from "../e2e/global-setup";

// A fresh PostgreSQL database for this run, then the browser tests' server on it.

const SERVER = process.env.SECURITY_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export default async function globalSetup() {
  process.env.SECURITY_STARTED_AT = String(Date.now());
  const name = `security_${Date.now()}_${process.pid}`;
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.SECURITY_DB_NAME = name;
  // The tests send each request from its own address (X-Forwarded-For), as distinct visitors.
  process.env.TRUSTED_PROXY_HOPS = "1";
  // No background work: the outbox worker and the jobs would change associations' rows while the
  // matrix proves that requests leave them untouched.
  process.env.OUTBOX_WORKER = "off";
  process.env.JOBS = "off";
  await e2eSetup();
}

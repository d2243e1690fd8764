// The database cannot be reached for a moment (restart, failover, network): the request can be
// sent again in a few seconds, and nothing of it was written (its transaction never committed).
// Prisma with the pg adapter reports this as its own error codes, as PostgreSQL's SQLSTATE in
// the error or its cause, or as a Node socket error.

// P2028: a transaction could not start (or finish) in time, i.e. every connection was busy.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// 57P01-57P03: the server is shutting down or starting; 08xxx: connection exceptions; 53300: too many connections.
const SQLSTATE = /^(57P0[123]|08\d{3}|53300)$/;
const SOCKET = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND"]);
const MESSAGE = /Connection terminated|terminating connection|the database system is (starting up|shutting down)|Can't reach database server|Server has closed the connection|connection.*(refused|closed)|not queryable|DatabaseNotReachable|ConnectionClosed/i;

export const RETRY_AFTER_SECONDS = 5;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const { code, kind, message, cause, originalCode } = error as Record<string, unknown>;
  for (const value of [code, originalCode]) {
    if (typeof value === "string" && (PRISMA_CODES.has(value) || SQLSTATE.test(value) || SOCKET.has(value))) return true;
  }
  if (typeof kind === "string" && /DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections/.test(kind)) return true;
  if (typeof message === "string" && MESSAGE.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

// Admission: past a few waiting transactions per connection, waiting only makes every request
// slow and then fails them all together (each gives up after Prisma's 2 s wait for a
// connection). Beyond the limit a request is answered at once: busy, send again.
const limit = () => Number(process.env.DB_MAX_TRANSACTIONS ?? 2 * Number(process.env.DB_POOL_SIZE ?? 10));
let active = 0;

/** Runs `work` if fewer than the limit are running; otherwise null, at once. */
export async function admitted<T>(work: () => Promise<T>): Promise<T | null> {
  if (active >= limit()) return null;
  active++;
  try {
    return await work();
  } finally {
    active--;
  }
}

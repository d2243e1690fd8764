// The database cannot be reached for a moment (restart, failover, network): the request can be
// sent again in a few seconds, and nothing of it was written (its transaction never committed).
// Prisma with the pg adapter reports this as its own error codes, as PostgreSQL's SQLSTATE in
// the error or its cause, or as a Node socket error.

const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// 57P01-57P03: the server is shutting down or starting; 08xxx: connection exceptions; 53300: too many connections.
const SQLSTATE = /^(57P0[123]|08\d{3}|53300)$/;
const SOCKET = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND"]);
const MESSAGE = /Connection terminated|terminating connection|the database system is (starting up|shutting down)|Can't reach database server|Server has closed the connection|connection.*(refused|closed)|DatabaseNotReachable|ConnectionClosed/i;

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

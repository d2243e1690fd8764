import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db";
import { AppError } from "../errors";
import { lookupTenant } from "../tenancy/lookup";
import { verifyCredentials, type SignInSite } from "./credentials";
import { authSecret } from "./secret";
import { clientIp } from "./site";

// next-auth (v4) with e-mail and password. Sessions are signed JWT cookies, host-only: a
// session made on qader.localhost is never sent to alhilah.localhost, and the guard checks the
// membership of the host's association on every request anyway.
//
// Each association signs in on its own host, so next-auth must take the origin from the
// request (AUTH_TRUST_HOST) rather than from one fixed NEXTAUTH_URL. proxy.ts sets
// x-forwarded-host from the real Host header, so a client cannot choose it.
process.env.AUTH_TRUST_HOST ??= "true";

declare module "next-auth" {
  interface Session {
    userId: string;
    sessionVersion: number;
  }
  interface User {
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
  }
}

const headerBag = (raw: Record<string, unknown> | undefined) => ({
  get: (name: string) => {
    const value = raw?.[name];
    return typeof value === "string" ? value : null;
  },
});

export const authOptions: AuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const bag = headerBag(req.headers);
        const db = await getDb();
        const key = bag.get("x-tenant-key");
        let site: SignInSite = { kind: "platform" };
        if (key) {
          const tenant = await lookupTenant(db, key);
          if (!tenant || tenant.status !== "ACTIVE") return null;
          site = { kind: "tenant", associationId: tenant.id };
        }
        try {
          const user = await verifyCredentials(db, credentials, site, clientIp(bag));
          return user && { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        } catch (error) {
          // The message reaches the sign-in form as `error`; it maps to errors.RATE_LIMITED.
          if (error instanceof AppError) throw new Error(error.code);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sv = user.sessionVersion;
      return token;
    },
    session({ session, token }) {
      session.userId = token.sub ?? "";
      session.sessionVersion = token.sv ?? -1;
      return session;
    },
  },
};

import { createNavigation } from "next-intl/navigation";
import type { ComponentProps } from "react";
import { isCachedPublicPath } from "../tenancy/public-paths";
import { routing } from "./routing";

// Links and pathnames as the visitor sees them (/policy, /en/policy), never the internal /t/… path.
const navigation = createNavigation(routing);
export const { usePathname, useRouter } = navigation;

type LinkProps = ComponentProps<typeof navigation.Link>;

/** next-intl's Link, but never prefetching an association's cached public pages: Chromium can
 * leave a segment prefetch of an ISR page open for good (vercel/next.js#96801), holding one of
 * its six connections to the host. The page itself comes from the cache in one round trip. */
export function Link({ prefetch, ...props }: LinkProps) {
  const path = typeof props.href === "string" ? props.href : props.href.pathname;
  return <navigation.Link prefetch={prefetch ?? (path && isCachedPublicPath(path) ? false : undefined)} {...props} />;
}

import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

// Links and pathnames as the visitor sees them (/policy, /en/policy), never the internal /t/… path.
export const { Link, usePathname, useRouter } = createNavigation(routing);

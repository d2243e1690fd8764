import { revalidateTag, unstable_cache } from "next/cache";
import type { z } from "zod";
import type { Service } from "../auth/access";
import { invalidateTenant } from "./lookup";

// Public pages (home, policy print and history, intake form, tracking, complaints) are rendered
// once and served from Next's cache (ISR) until the association changes. Every render of a
// tenant's page carries two tags: its association's and its host key's (so a 404 cached for an
// unknown key ends when an association takes that key). A change expires them at once.

export const associationTag = (id: string) => `association:${id}`;
export const tenantKeyTag = (key: string) => `tenant-key:${key}`;

/** Attach `tags` to the page being rendered. Next records the tags of the cached reads a
 * render makes; this read caches nothing but carries the tags. */
export async function tagRender(tags: string[]): Promise<void> {
  await unstable_cache(async () => true, tags, { tags })();
}

/** An association's public data changed: forget its cached tenant on this node, and expire its
 * cached pages (and those of `keys`, a new slug or domain) for the next request, not later. */
export function associationChanged(change: { id: string; keys?: string[] }) {
  invalidateTenant(change);
  for (const tag of [associationTag(change.id), ...(change.keys ?? []).map(tenantKeyTag)]) expire(tag);
}

function expire(tag: string) {
  try {
    revalidateTag(tag, { expire: 0 });
  } catch (error) {
    // Outside a Next.js request (a script, a test) there is no page cache to expire.
    if (!(error instanceof Error && error.message.includes("static generation store missing"))) throw error;
  }
}

/** A member's service whose success changes what the association's public pages show. */
export function changesPublicPages<S extends z.ZodType>(service: Service<S>): Service<S> {
  return async (ctx, input) => {
    const outcome = await service(ctx, input);
    const id = ctx.member!.tenant.id;
    return {
      ...outcome,
      afterCommit: () => {
        outcome.afterCommit?.();
        associationChanged({ id });
      },
    };
  };
}

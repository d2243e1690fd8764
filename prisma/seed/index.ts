import { alhilah } from "./alhilah";
import { qader } from "./qader";
import type { SeedAssociation } from "./types";

/** The two demo associations, from the policies in shared/seeds. */
export const SEED_ASSOCIATIONS: SeedAssociation[] = [qader, alhilah];
export type { SeedAssociation };

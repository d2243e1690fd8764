import { cache } from "react";
import { getDb } from "../db";
import { getPublishedPolicy } from "./service";

/** The association's published policy, read once per render (page and metadata share it). */
export const getCurrentPolicy = cache(async (associationId: string) => getPublishedPolicy(await getDb(), associationId));

import { cache } from "react";
import { getDb } from "../db";
import { lookupTenant } from "./lookup";

/** The tenant named by the internal /t/<key>/ segment, once per render (layout, page, metadata). */
export const getTenant = cache(async (key: string) => lookupTenant(await getDb(), decodeURIComponent(key)));

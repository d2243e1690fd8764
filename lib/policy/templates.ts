import { alhilah } from "../../prisma/seed/alhilah";
import { qader } from "../../prisma/seed/qader";
import type { SeedAssociation } from "../../prisma/seed/types";
import { policyContentSchema, type PolicyContent } from "./schema";

// The two seed policies are the first templates a new association starts from. A template
// must not carry its source association's name: that becomes "the Association".

export const POLICY_TEMPLATES = { qader, alhilah } as const satisfies Record<string, SeedAssociation>;
export type TemplateKey = keyof typeof POLICY_TEMPLATES;
export const TEMPLATE_KEYS = Object.keys(POLICY_TEMPLATES) as TemplateKey[];

function replaceDeep(value: unknown, from: string, to: string): unknown {
  if (typeof value === "string") return value.split(from).join(to);
  if (Array.isArray(value)) return value.map((item) => replaceDeep(item, from, to));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceDeep(v, from, to)]));
  }
  return value;
}

export function templateContent(key: TemplateKey): PolicyContent {
  const seed = POLICY_TEMPLATES[key];
  const generic = replaceDeep(replaceDeep(seed.policy, seed.name.ar, "الجمعية"), seed.name.en, "The Association");
  return policyContentSchema.parse(generic);
}

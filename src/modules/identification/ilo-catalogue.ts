import { z } from 'zod';
import source from './ilo-delphi-labour-adults.json' with { type: 'json' };

export const STRENGTHS = ['strong', 'medium', 'weak'] as const;
export type Strength = (typeof STRENGTHS)[number];
export const TRAFFICKING_TYPES = ['deceptive', 'coercive', 'abuse_of_vulnerability'] as const;
export type TraffickingType = (typeof TRAFFICKING_TYPES)[number];

const ZClause = z
  .object({ strong: z.number().int().min(1), medium: z.number().int().min(1), weak: z.number().int().min(1), mediumOrWeak: z.number().int().min(1) })
  .partial()
  .strict()
  .refine((c) => Object.keys(c).length > 0, 'a clause needs at least one count');

const ZCatalogueFile = z.object({
  title: z.string(),
  source: z.string(),
  dimensionRule: z.object({ description: z.string(), anyOf: z.array(ZClause).min(1) }),
  combinationRule: z.object({
    description: z.string(),
    recruitment: z.array(z.string()).min(1),
    exploitation: z.array(z.string()).min(1),
    destination: z.array(z.string()).min(1),
    types: z.record(z.string(), z.enum(TRAFFICKING_TYPES)),
    children: z.string(),
  }),
  dimensions: z
    .array(
      z.object({
        id: z.string(),
        label: z.string(),
        indicators: z.array(z.object({ id: z.string(), strength: z.enum(STRENGTHS), label: z.string() })).min(1),
      }),
    )
    .min(1),
});

export type Clause = z.infer<typeof ZClause>;
export type CatalogueFile = z.infer<typeof ZCatalogueFile>;
export type DimensionDef = CatalogueFile['dimensions'][number];
export interface IndicatorDef {
  id: string;
  strength: Strength;
  label: string;
  dimension: string;
}

export interface Catalogue {
  file: CatalogueFile;
  dimensions: readonly DimensionDef[];
  indicators: ReadonlyMap<string, IndicatorDef>;
}

/**
 * Checks the shared ILO file once at load: it is the contract for indicator ids, so a broken edit
 * (a repeated id, a rule naming a dimension that does not exist) must stop the server, not
 * silently change who counts as a presumed victim.
 */
export function loadCatalogue(raw: unknown): Catalogue {
  const file = ZCatalogueFile.parse(raw);
  const indicators = new Map<string, IndicatorDef>();
  const dimensionIds = new Set<string>();
  for (const d of file.dimensions) {
    if (dimensionIds.has(d.id)) throw new Error(`ILO catalogue: dimension ${d.id} appears twice`);
    dimensionIds.add(d.id);
    for (const i of d.indicators) {
      if (indicators.has(i.id) || dimensionIds.has(i.id)) throw new Error(`ILO catalogue: id ${i.id} appears twice`);
      indicators.set(i.id, { ...i, dimension: d.id });
    }
  }
  const rule = file.combinationRule;
  for (const id of [...rule.recruitment, ...rule.exploitation, ...rule.destination, ...Object.keys(rule.types)]) {
    if (!dimensionIds.has(id)) throw new Error(`ILO catalogue: the combination rule names unknown dimension ${id}`);
  }
  for (const id of rule.recruitment) if (!rule.types[id]) throw new Error(`ILO catalogue: recruitment dimension ${id} has no type`);
  return { file, dimensions: file.dimensions, indicators };
}

export const ILO_CATALOGUE: Catalogue = loadCatalogue(source);

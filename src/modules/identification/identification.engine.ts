/**
 * The ILO/EC operational indicators rule (Delphi 2009, adults, labour exploitation), with the
 * child rule of the Palermo Protocol. Pure: no I/O, so the staff app can run it live while a
 * caseworker ticks indicators and the server can run it again when the assessment is saved.
 */
import { ILO_CATALOGUE, type Catalogue, type Clause, type Strength, type TraffickingType } from './ilo-catalogue.js';

export interface StrengthCounts {
  strong: number;
  medium: number;
  weak: number;
}

export interface DimensionResult extends StrengthCounts {
  id: string;
  label: string;
  positive: boolean;
  /** The indicators present in this dimension, in catalogue order. */
  indicators: string[];
  /** Why the dimension is or is not positive, in one sentence. */
  reason: string;
}

export interface AssessmentResult {
  dimensions: DimensionResult[];
  presumedVictim: boolean;
  types: TraffickingType[];
  child: boolean;
  explanation: string;
}

export function clauseHolds(clause: Clause, n: StrengthCounts): boolean {
  const strong = clause.strong ?? 0;
  const medium = clause.medium ?? 0;
  const weak = clause.weak ?? 0;
  const mediumOrWeak = clause.mediumOrWeak ?? 0;
  return n.strong >= strong && n.medium >= medium && n.weak >= weak && n.medium + n.weak >= medium + weak + mediumOrWeak;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const countWord = (n: number): string => NUMBER_WORDS[n] ?? String(n);

function describeClause(c: Clause): string {
  const parts: string[] = [];
  if (c.strong) parts.push(`${countWord(c.strong)} strong`);
  if (c.medium) parts.push(`${countWord(c.medium)} medium`);
  if (c.mediumOrWeak) parts.push(`${countWord(c.mediumOrWeak)} medium or weak`);
  if (c.weak) parts.push(`${countWord(c.weak)} weak`);
  return parts.join(' and ');
}

function describeCounts(n: StrengthCounts): string {
  const parts = (['strong', 'medium', 'weak'] as const).filter((s) => n[s] > 0).map((s) => `${countWord(n[s])} ${s}`);
  return parts.length === 0 ? 'no indicators present' : `present: ${parts.join(', ')}`;
}

function reasonFor(clauses: readonly Clause[], n: StrengthCounts, positive: boolean): string {
  if (positive) return `Positive: ${describeCounts(n)}, which meets "${describeClause(clauses.find((c) => clauseHolds(c, n))!)}".`;
  if (n.strong + n.medium + n.weak === 0) return 'Not positive: no indicators present.';
  const needs = clauses.map(describeClause).join('; or ');
  const why =
    n.strong === 0 && n.medium === 0
      ? ' Weak indicators alone never make a dimension positive.'
      : n.strong === 1 && n.medium + n.weak === 0
        ? ' A single strong indicator alone is not enough.'
        : '';
  return `Not positive: ${describeCounts(n)}; the rule needs ${needs}.${why}`;
}

/** Indicator ids the catalogue does not hold, each once, in the order given. */
export function unknownIndicators(ids: readonly string[], catalogue: Catalogue = ILO_CATALOGUE): string[] {
  return [...new Set(ids.filter((id) => !catalogue.indicators.has(id)))];
}

const listLabels = (dims: readonly DimensionResult[]): string => dims.map((d) => d.label).join(', ');

function explain(c: Catalogue, dims: readonly DimensionResult[], child: boolean, presumed: boolean, types: readonly TraffickingType[]): string {
  const rule = c.file.combinationRule;
  const inGroup = (ids: readonly string[]) => dims.filter((d) => ids.includes(d.id));
  const positiveIn = (ids: readonly string[]) => inGroup(ids).filter((d) => d.positive);
  const recruitment = positiveIn(rule.recruitment);
  const exploitation = positiveIn(rule.exploitation);
  const destination = positiveIn(rule.destination);
  const typeText = types.length ? ` Type: ${types.map((t) => t.replaceAll('_', ' ')).join(', ')}.` : '';
  if (child) {
    const head =
      'Under 18: the means element is not required for children (UN Palermo Protocol, art. 3(c)), so the adult rule does not apply; recruitment for exploitation is enough.';
    return presumed
      ? `${head} The exploitation dimension (${listLabels(exploitation)}) is positive: a presumed child victim.${typeText}`
      : `${head} The exploitation dimension (${listLabels(inGroup(rule.exploitation))}) is not positive: not a presumed victim on these indicators.`;
  }
  if (presumed) {
    return `A presumed victim of trafficking for labour exploitation: positive recruitment (${listLabels(recruitment)}), exploitation (${listLabels(exploitation)}) and destination (${listLabels(destination)}) dimensions.${typeText}`;
  }
  const missing = [
    recruitment.length === 0 ? 'a recruitment dimension' : null,
    exploitation.length === 0 ? 'the exploitation dimension' : null,
    destination.length === 0 ? 'a destination dimension' : null,
  ].filter((m): m is string => m !== null);
  return `Not a presumed victim under the adult rule, which needs a positive recruitment dimension, the exploitation dimension and a positive destination dimension; not positive: ${missing.join(', ')}.`;
}

/**
 * Assesses a set of present indicators (duplicates count once). `age` under 18 applies the child
 * rule; without an age the adult rule applies. Unknown ids are a programming error here: callers
 * check them first with `unknownIndicators` and answer the user.
 */
export function assess(indicatorIds: readonly string[], age?: number, catalogue: Catalogue = ILO_CATALOGUE): AssessmentResult {
  const unknown = unknownIndicators(indicatorIds, catalogue);
  if (unknown.length) throw new RangeError(`unknown ILO indicators: ${unknown.join(', ')}`);
  const present = new Set(indicatorIds);
  const clauses = catalogue.file.dimensionRule.anyOf;
  const dimensions = catalogue.dimensions.map((d): DimensionResult => {
    const ids = d.indicators.filter((i) => present.has(i.id));
    const n: Record<Strength, number> = { strong: 0, medium: 0, weak: 0 };
    for (const i of ids) n[i.strength]++;
    const positive = clauses.some((c) => clauseHolds(c, n));
    return { id: d.id, label: d.label, positive, ...n, indicators: ids.map((i) => i.id), reason: reasonFor(clauses, n, positive) };
  });
  const rule = catalogue.file.combinationRule;
  const anyPositive = (ids: readonly string[]) => dimensions.some((d) => d.positive && ids.includes(d.id));
  const child = age !== undefined && age < 18;
  const presumedVictim = child
    ? anyPositive(rule.exploitation)
    : anyPositive(rule.recruitment) && anyPositive(rule.exploitation) && anyPositive(rule.destination);
  const types = presumedVictim ? rule.recruitment.filter((id) => anyPositive([id])).map((id) => rule.types[id]!) : [];
  return { dimensions, presumedVictim, types, child, explanation: explain(catalogue, dimensions, child, presumedVictim, types) };
}

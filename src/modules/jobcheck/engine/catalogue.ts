/** The signal catalogue and the risk rule, read from knowledge/signals.json and knowledge/risk.json. */
import riskJson from '../knowledge/risk.json' with { type: 'json' };
import signalsJson from '../knowledge/signals.json' with { type: 'json' };
import type { Risk, Severity } from './types.js';

export interface SignalDefinition {
  id: string;
  severity: Severity;
  iloForcedLabour: readonly string[];
  iloDelphi: readonly string[];
  fairRecruitment: string;
  collectsAmounts: boolean;
}

const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

function severity(value: string, where: string): Severity {
  const found = SEVERITIES.find((s) => s === value);
  if (!found) throw new Error(`${where}: unknown severity "${value}"`);
  return found;
}

export const SIGNALS: readonly SignalDefinition[] = signalsJson.signals.map((s) => ({
  ...s,
  severity: severity(s.severity, `signals.json ${s.id}`),
  collectsAmounts: 'collectsAmounts' in s && s.collectsAmounts === true,
}));

export const SIGNAL_IDS: ReadonlySet<string> = new Set(SIGNALS.map((s) => s.id));

/** Catalogue position, so signals of equal severity always come out in the same order. */
export const SIGNAL_ORDER: ReadonlyMap<string, number> = new Map(SIGNALS.map((s, i) => [s.id, i]));

export const SIGNAL_BY_ID: ReadonlyMap<string, SignalDefinition> = new Map(SIGNALS.map((s) => [s.id, s]));

interface RiskLevel {
  risk: Risk;
  anyOf: Partial<Record<Severity, number>>[];
}

const LEVELS: readonly RiskLevel[] = riskJson.levels.map((l) => ({
  risk: severity(l.risk, 'risk.json'),
  anyOf: l.anyOf,
}));

/** The overall risk of a set of signal severities, by the levels of risk.json. */
export function riskOf(severities: readonly Severity[]): Risk {
  const count: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  for (const s of severities) count[s] += 1;
  const holds = (need: Partial<Record<Severity, number>>) => SEVERITIES.every((s) => count[s] >= (need[s] ?? 0));
  return LEVELS.find((level) => level.anyOf.some(holds))?.risk ?? 'low';
}

/**
 * From findings to signals: phrase triggers, answers, and the rules that weigh several findings
 * together (pay against the wage table, the "too good to be true" combination, anonymous contact,
 * the agency register).
 */
import { nearby, type Money, type TextFindings } from './analyse.js';
import { SIGNAL_BY_ID } from './catalogue.js';
import { PERIODS, type Match } from './lexicon.js';
import { answerSignals, type TJobCheckAnswers } from './questions.js';
import type { PreparedText } from './text.js';
import type { AgencyRegister, Amount } from './types.js';
import { COUNTRIES, FAR_ABOVE_FACTOR, monthlyEur, typicalMonthlyEur } from './wages.js';

export interface Finding {
  /** Verbatim words of the offer. */
  evidence?: string;
  amounts: Amount[];
  /** Values for the explanation's placeholders. */
  values: Record<string, string>;
}

export interface Outcome {
  found: Map<string, Finding>;
  /** Agencies the register knows, by the name the register gives. */
  registeredAgencies: string[];
}

/** Below this many words a text is a fragment ("call me"), not an offer that should name its employer. */
const MIN_OFFER_WORDS = 10;
/** How far after a fee's words its sum may stand ("processing fee is 500 EUR"): characters. */
const AMOUNT_REACH = 40;
/** How far from a sum a pay word makes it a wage: characters before and after. */
const PAY_WORD_REACH = { before: 40, after: 25 };

function quote(prepared: PreparedText, span: { start: number; end: number } | undefined): string | undefined {
  return span ? prepared.quote(span.start, span.end) || undefined : undefined;
}

function amountOf(prepared: PreparedText, money: Money): Amount {
  return { amount: money.amount, currency: money.currency, text: prepared.quote(money.start, money.end) };
}

function add(found: Map<string, Finding>, id: string, finding: Partial<Finding> = {}): void {
  const existing = found.get(id);
  if (existing) {
    existing.evidence ??= finding.evidence;
    existing.amounts.push(...(finding.amounts ?? []));
    Object.assign(existing.values, finding.values);
    return;
  }
  found.set(id, { evidence: finding.evidence, amounts: [...(finding.amounts ?? [])], values: { ...finding.values } });
}

function fromTriggers(prepared: PreparedText, findings: TextFindings, found: Map<string, Finding>): Set<Money> {
  const claimed = new Set<Money>();
  for (const [id, matches] of findings.triggers) {
    const amounts: Amount[] = [];
    if (SIGNAL_BY_ID.get(id)?.collectsAmounts) {
      for (const money of findings.money) {
        const near = matches.some((m) => money.start >= m.start && money.start <= m.end + AMOUNT_REACH && !/[.!?\n]/u.test(prepared.folded.slice(m.end, money.start)));
        if (near && !claimed.has(money)) {
          claimed.add(money);
          amounts.push(amountOf(prepared, money));
        }
      }
    }
    add(found, id, { evidence: quote(prepared, matches[0]), amounts });
  }
  return claimed;
}

function fromAnswers(answers: TJobCheckAnswers, found: Map<string, Finding>): void {
  for (const id of answerSignals(answers)) add(found, id);
  const { fee_amount: feeAmount, fee_currency: feeCurrency } = answers;
  if (typeof feeAmount === 'number' && feeAmount > 0) {
    add(found, 'recruitment_fee', { amounts: typeof feeCurrency === 'string' ? [{ amount: feeAmount, currency: feeCurrency }] : [] });
  }
}

function isWage(folded: string, money: Money, findings: TextFindings): boolean {
  if (money.period) return true;
  const around = nearby(folded, money, PAY_WORD_REACH.before, PAY_WORD_REACH.after);
  const from = money.start - around.before.length;
  const to = money.end + around.after.length;
  return (findings.cues.get('salary') ?? []).some((c) => c.end > from && c.start < to);
}

const format = (value: number) => String(Math.round(value / 10) * 10);

function payFarAbove(prepared: PreparedText, findings: TextFindings, answers: TJobCheckAnswers, claimed: Set<Money>, found: Map<string, Finding>): boolean {
  const chosen = answers.destination_country;
  const country = typeof chosen === 'string' && COUNTRIES.includes(chosen) ? chosen : findings.countries.find((c) => COUNTRIES.includes(c));
  if (!country) return false;
  const typical = typicalMonthlyEur(country, findings.sector);
  if (typical === undefined) return false;
  let best: { eur: number; money?: Money; amount: Amount } | undefined;
  for (const money of findings.money) {
    if (claimed.has(money) || !isWage(prepared.folded, money, findings)) continue;
    const eur = monthlyEur(money.amount, money.currency, money.period);
    if (eur !== undefined && (!best || eur > best.eur)) best = { eur, money, amount: amountOf(prepared, money) };
  }
  const { pay_amount: amount, pay_currency: currency, pay_period: period } = answers;
  if (typeof amount === 'number' && typeof currency === 'string') {
    const eur = monthlyEur(amount, currency, PERIODS.find((p) => p === period) ?? 'month');
    if (eur !== undefined && (!best || eur > best.eur)) best = { eur, amount: { amount, currency } };
  }
  if (!best || best.eur <= FAR_ABOVE_FACTOR * typical) return false;
  add(found, 'pay_far_above_typical', {
    evidence: quote(prepared, best.money),
    amounts: [best.amount],
    values: { offered: format(best.eur), typical: format(typical) },
  });
  return true;
}

function first(...lists: (Match[] | undefined)[]): Match | undefined {
  return lists
    .flatMap((l) => l ?? [])
    .sort((a, b) => a.start - b.start)[0];
}

function checkAgencies(findings: TextFindings, answers: TJobCheckAnswers, prepared: PreparedText, register: AgencyRegister | undefined, found: Map<string, Finding>): string[] {
  if (!register) return [];
  const typed = typeof answers.agency_name === 'string' && answers.agency_name !== '' ? [answers.agency_name] : [];
  const registered: string[] = [];
  for (const name of [...new Set([...findings.agencyNames, ...typed])]) {
    const lookup = register(name);
    if (lookup.status === 'registered') registered.push(lookup.officialName ?? name);
    if (lookup.status === 'not_registered') {
      // Evidence only when the name is in the offer itself; a name typed in the questionnaire is not a quote.
      add(found, 'unlicensed_agency', { values: { agency: name }, evidence: prepared.original.includes(name) ? name : undefined });
    }
  }
  return registered;
}

/** `words`: how many words the offer has; the "no employer named" rule ignores greetings and fragments. */
export function collectSignals(
  prepared: PreparedText,
  findings: TextFindings,
  words: number,
  answers: TJobCheckAnswers,
  register: AgencyRegister | undefined,
): Outcome {
  const found = new Map<string, Finding>();
  const claimed = fromTriggers(prepared, findings, found);
  fromAnswers(answers, found);
  const farAbove = payFarAbove(prepared, findings, answers, claimed, found);

  const { cues } = findings;
  const freeHousing = cues.get('freeHousing')?.[0];
  if ((freeHousing || answers.housing === 'free_from_employer') && cues.has('noQualifications') && (farAbove || cues.has('highPay'))) {
    add(found, 'too_good_to_be_true', { evidence: quote(prepared, freeHousing ?? cues.get('highPay')?.[0]) });
  }
  // A named agency identifies who is behind the offer as much as a company form does.
  if (!cues.has('employerIdentity') && findings.agencyNames.length === 0) {
    const contact = first(cues.get('contactApp'), cues.get('freeEmail'));
    if (contact) add(found, 'anonymous_contact', { evidence: quote(prepared, contact) });
    // Pay, a sector or job words all say the text is an offer; a greeting or a fragment is not.
    const isOffer = cues.has('jobOffer') || cues.has('salary') || findings.sector !== undefined;
    if (isOffer && words >= MIN_OFFER_WORDS) add(found, 'no_employer_identity');
  }
  const registeredAgencies = checkAgencies(findings, answers, prepared, register, found);
  return { found, registeredAgencies };
}

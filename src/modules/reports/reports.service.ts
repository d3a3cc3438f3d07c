import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { fieldProblemsOf, invalidFields, notFound } from '../../platform/errors.js';
import { isPublicLang, type PublicLang } from '../../platform/i18n/locales.js';
import { newId, nowIso } from '../../platform/ids.js';
import { localDate } from '../../platform/time.js';
import { CasesService } from '../cases/cases.service.js';
import { ContactsService } from '../helpline/contacts.service.js';
import { publicTables } from './anonymised.js';
import type { PublishedTable, VictimRecord } from './disclosure.js';
import { periodQuery, previousYear, weeksOf, type Period } from './period.js';
import { ReportsRepository, type PublicationRow } from './reports.repository.js';
import { summarise, type ContactCounts, type Summary } from './summary.js';

const ZLangQuery = z.object({
  lang: z
    .string()
    .default('en')
    .refine(isPublicLang, 'must be one of the site languages: sr-Latn, sr-Cyrl, en, hi, ur, tr, zh, sq, vi, ne, bn'),
});

export interface ReportQuery {
  period: Period;
  lang: PublicLang;
}

/** One week of a period beside the same dates a year earlier. */
export interface WeekFigures {
  period: Period;
  contacts: ContactCounts;
  previousYear: number;
}

/** Figures published for a period: what the public statistics page shows. */
export interface Publication {
  id: string;
  period: Period;
  publishedAt: string;
  tables: Record<string, PublishedTable>;
}

const presentPublication = (r: PublicationRow): Publication => ({
  id: r.id,
  period: { from: r.period_from, to: r.period_to },
  publishedAt: r.published_at,
  tables: JSON.parse(r.tables) as Record<string, PublishedTable>,
});

/**
 * Statistics over the helpline's contacts and the victims' case files. Figures are counted by the
 * database through the helpline and cases services; this module only adds them up, words them,
 * draws them and controls what leaves the organisation.
 */
export class ReportsService {
  private readonly contacts: ContactsService;
  private readonly cases: CasesService;
  private readonly repo: ReportsRepository;

  constructor(private readonly ctx: AppContext) {
    this.contacts = new ContactsService(ctx);
    this.cases = new CasesService(ctx);
    this.repo = new ReportsRepository(ctx.db);
  }

  /** The period and language of a request; a 400 names every bad field. */
  query(query: unknown): ReportQuery {
    const today = localDate(Date.now(), this.ctx.config.orgTimezone);
    const period = periodQuery(today).safeParse(query ?? {});
    const lang = ZLangQuery.safeParse(query ?? {});
    if (!period.success || !lang.success) {
      throw invalidFields([...(period.success ? [] : fieldProblemsOf(period.error)), ...(lang.success ? [] : fieldProblemsOf(lang.error))]);
    }
    return { period: period.data, lang: lang.data.lang as PublicLang };
  }

  async summary(period: Period): Promise<Summary> {
    const previousPeriod = previousYear(period);
    const [contacts, previousContacts, victims] = await Promise.all([
      this.contacts.countsBetween(period.from, period.to),
      this.contacts.countBetween(previousPeriod.from, previousPeriod.to),
      this.cases.identifiedVictimCounts(period.from, period.to),
    ]);
    return summarise({ period, previousPeriod, contacts, previousContacts, victims, orgCountry: this.ctx.config.orgCountry });
  }

  /** The period's weeks (Monday to Sunday), each with its contacts and the same dates a year earlier. */
  async weeks(period: Period): Promise<WeekFigures[]> {
    const weeks: WeekFigures[] = [];
    for (const week of weeksOf(period)) {
      const before = previousYear(week);
      const [contacts, previous] = await Promise.all([this.contacts.countsBetween(week.from, week.to), this.contacts.countBetween(before.from, before.to)]);
      weeks.push({ period: week, contacts, previousYear: previous });
    }
    return weeks;
  }

  /** Every victim identified in the period as a record of the data standards' anonymous facts. */
  async victimRecords(period: Period): Promise<VictimRecord[]> {
    const counts = await this.cases.sharedVictimFactCounts(period.from, period.to);
    return counts.flatMap(({ n, sex, ...facts }) => Array.from({ length: n }, () => ({ ...facts, gender: sex })));
  }

  /** Publishes the period's figures for the public statistics page, every count of 1 to 10 suppressed. */
  async publish(period: Period, actorId: string): Promise<Publication> {
    const [contacts, records] = await Promise.all([this.contacts.countsBetween(period.from, period.to), this.victimRecords(period)]);
    const row: PublicationRow = {
      id: newId(), period_from: period.from, period_to: period.to, tables: JSON.stringify(publicTables(contacts, records)), published_by: actorId, published_at: nowIso(),
    };
    await this.ctx.db.transaction().execute(async (trx) => {
      await this.repo.insertPublication(row, trx);
      await this.ctx.audit.record({ actorId, action: 'report.published', targetType: 'publication', targetId: row.id, details: { ...period } }, trx);
    });
    return presentPublication(row);
  }

  /** Every published period, the latest first. */
  async publications(): Promise<Publication[]> {
    return (await this.repo.publications()).map(presentPublication);
  }

  /** Takes a period's figures off the public page. */
  async withdraw(id: string, actorId: string): Promise<void> {
    await this.ctx.db.transaction().execute(async (trx) => {
      if (!(await this.repo.deletePublication(id, trx))) throw notFound('Publication');
      await this.ctx.audit.record({ actorId, action: 'report.withdrawn', targetType: 'publication', targetId: id }, trx);
    });
  }

  /** Records an export in the audit trail: what was exported, never a figure from it. */
  async recordExport(actorId: string, file: string, period: Period, details: Record<string, unknown> = {}): Promise<void> {
    await this.ctx.audit.record({ actorId, action: 'report.exported', targetType: 'report', details: { file, ...period, ...details } });
  }
}

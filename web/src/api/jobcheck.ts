import type { AgencyImportResult, RejectedRow } from '../../../src/modules/jobcheck/agencies-import.service.js';
import type { Question } from '../../../src/modules/jobcheck/engine/questions.js';
import type { JobCheckResult, JobCheckSignal, Risk, Severity } from '../../../src/modules/jobcheck/engine/types.js';
import { request, type Page } from './client.js';

export type { AgencyImportResult, JobCheckResult, JobCheckSignal, Question, RejectedRow, Risk, Severity };

/** One answer per question id; a blank answer is left out before sending. */
export type Answers = Record<string, string | number>;

export interface JobCheckRequest {
  text?: string;
  answers?: Answers;
  /** The language of the explanations: the staff user's. */
  lang: string;
}

/** An agency of the ministry's register, as the API presents it to everyone. */
export interface Agency {
  id: string;
  name: string;
  registrationNumber: string;
  licenceNumber: string;
  licenceDate: string | null;
  address: string | null;
  listed: boolean;
  updatedAt: string;
}

export const checkJobOffer = (body: JobCheckRequest) => request<JobCheckResult>('POST', '/job-checks', { body });

export const jobCheckQuestions = (lang: string) => request<Page<Question>>('GET', '/job-checks/questions', { query: { lang } });

export const listAgencies = (query: { q?: string; limit?: number; cursor?: string }) => request<Page<Agency>>('GET', '/agencies', { query });

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The ministry's list: CSV text, or an XLSX workbook as it is. */
export type AgencyList = { csv: string } | { xlsx: Blob };

/** The ministry's whole list; `key` makes a retried import take effect once. */
export const importAgencies = (list: AgencyList, opts: { dryRun: boolean; key?: string }) =>
  request<AgencyImportResult>('POST', '/agencies/imports', {
    ...('csv' in list ? { csv: list.csv } : { file: { data: list.xlsx, type: XLSX_TYPE } }),
    query: { dryRun: opts.dryRun },
    idempotencyKey: opts.key,
  });

import type { EXPLOITATION_TYPES, SEXES as CASE_SEXES } from '../../../src/modules/cases/case-vocabularies.js';
import type { ContactStats } from '../../../src/modules/helpline/contacts-stats.js';
import type { AGE_GROUPS, CALLER_ROLES, Channel, ContactMethod, SEXES, Status, Topic } from '../../../src/modules/helpline/contacts.schemas.js';
import { request, type Page } from './client.js';

export type { Channel, ContactMethod, ContactStats, Status, Topic };
export type CallerRole = (typeof CALLER_ROLES)[number];
export type Sex = (typeof SEXES)[number];
export type AgeGroup = (typeof AGE_GROUPS)[number];
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number];
export type JobCheckRisk = 'high' | 'medium' | 'low';

/** A contact as every reader sees it: lists show only this much. */
export interface ContactOutline {
  id: string;
  reference: string | null;
  receivedAt: string;
  channel: Channel;
  topics: Topic[];
  language: string | null;
  callerRole: CallerRole | null;
  sex: Sex | null;
  ageGroup: AgeGroup | null;
  nationality: string | null;
  destinationCountry: string | null;
  /** Only a code (a campaign's slug) for the coordinator; anything for the hotline and caseworkers. */
  heardAbout: string | null;
  jobCheckRisk: JobCheckRisk | null;
  status: Status;
  assigneeId: string | null;
  /** The assignee's display name, for every reader (listing users is the admin's). */
  assigneeName: string | null;
  source: 'staff' | 'public' | 'import';
  createdAt: string;
  updatedAt: string;
}

export interface EarlierContacts {
  count: number;
  items: { id: string; receivedAt: string; channel: Channel }[];
}

/** One contact read by the hotline or a caseworker: free text, contact details and earlier contacts from the same number. */
export interface FullContact extends ContactOutline {
  summary: string | null;
  referralGiven: string | null;
  jobCheck: Record<string, unknown> | null;
  callerName: string | null;
  callerPhone: string | null;
  callerEmail: string | null;
  contactMethod: ContactMethod | null;
  safeTime: string | null;
  earlierContacts: EarlierContacts;
}

export type Contact = ContactOutline | FullContact;

export const isFull = (c: Contact): c is FullContact => 'earlierContacts' in c;

export interface NewContact {
  receivedAt: string;
  channel: Channel;
  topics: Topic[];
  language?: string;
  callerRole?: CallerRole;
  sex?: Sex;
  ageGroup?: AgeGroup;
  nationality?: string;
  destinationCountry?: string;
  heardAbout?: string;
  summary?: string;
  referralGiven?: string;
  callerPhone?: string;
  /** The job-offer check made during the call, kept with the contact (encrypted). */
  jobCheck?: object;
}

export interface ContactQuery {
  from?: string;
  to?: string;
  topic?: Topic;
  channel?: Channel;
  language?: string;
  nationality?: string;
  status?: Status[];
  assigneeId?: string;
  phone?: string;
  limit?: number;
  cursor?: string;
}

export interface ImportResult {
  rows: number;
  created: number;
  duplicates: number;
  rejected: { row: number; field: string; message: string }[];
}

/** `key` stays the same across retries of one form, so a retried save never logs the call twice. */
export const createContact = (body: NewContact, key: string) => request<FullContact>('POST', '/contacts', { body, idempotencyKey: key });

export const getContact = (id: string) => request<Contact>('GET', `/contacts/${encodeURIComponent(id)}`);

export const updateContact = (id: string, body: { status?: Status; assigneeId?: string | null }) => request<Contact>('PATCH', `/contacts/${encodeURIComponent(id)}`, { body });

export const listContacts = (query: ContactQuery) => request<Page<ContactOutline>>('GET', '/contacts', { query: { ...query } });

/** Someone a contact may be assigned to: an active hotline operator or caseworker. */
export interface Assignee {
  id: string;
  name: string;
}

export const listAssignees = () => request<Page<Assignee>>('GET', '/contacts/assignees');

export const contactStats = (from: string, to: string) => request<ContactStats>('GET', '/contacts/stats', { query: { from, to } });

export const importContacts = (csv: string, opts: { dryRun: boolean; key?: string }) =>
  request<ImportResult>('POST', '/contacts/imports', { csv, query: { dryRun: opts.dryRun }, idempotencyKey: opts.key });

export interface PotentialCase {
  sex: (typeof CASE_SEXES)[number];
  citizenship: string;
  exploitationTypes: ExploitationType[];
  notes?: string;
}

/**
 * Opens a potential case file for the Victim Support Team from a contact, which the file keeps as
 * `contactId`. The hotline gets back only the reference: it may not read case files.
 */
export const escalateContact = (contactId: string, body: PotentialCase, key: string) =>
  request<{ id: string; reference: string; status: string }>('POST', '/cases', {
    body: { status: 'potential', referredBy: 'hotline', contactId, ...body },
    idempotencyKey: key,
  });

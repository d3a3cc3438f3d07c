import type { Role } from '../../platform/roles.js';

/**
 * What a role sees of a contact. `full`: everything, for those who talk to callers (hotline,
 * caseworker). `restricted`: no free text and no contact details, for the coordinator who
 * oversees the work. Lists show everyone the restricted form; free text is read one contact at
 * a time, and each such read is audited.
 */
export type ContactView = 'full' | 'restricted';

export function viewOf(roles: readonly Role[]): ContactView | null {
  if (roles.includes('hotline') || roles.includes('caseworker')) return 'full';
  if (roles.includes('coordinator')) return 'restricted';
  return null;
}

/** The parts of a contact anyone allowed to see contacts may see. */
export interface ContactOutline {
  id: string;
  reference: string | null;
  receivedAt: string;
  channel: string;
  topics: string[];
  language: string | null;
  callerRole: string | null;
  sex: string | null;
  ageGroup: string | null;
  nationality: string | null;
  destinationCountry: string | null;
  /** The "how did you hear of us" answer when it is a code (a campaign slug), not prose. */
  heardAboutCode: string | null;
  jobCheckRisk: string | null;
  status: string;
  assigneeId: string | null;
  /** The assignee's display name, so readers who may not list users still see who has the contact. */
  assigneeName: string | null;
  source: string;
  createdAt: string;
  updatedAt: string;
}

/** Free text and contact details: encrypted at rest, for the full view only. */
export interface ContactPrivate {
  heardAbout: string | null;
  summary: string | null;
  referralGiven: string | null;
  jobCheck: Record<string, unknown> | null;
  callerName: string | null;
  callerPhone: string | null;
  callerEmail: string | null;
  contactMethod: string | null;
  safeTime: string | null;
}

export interface EarlierContacts {
  count: number;
  items: { id: string; receivedAt: string; channel: string }[];
}

export function presentContact(outline: ContactOutline, view: 'restricted'): Record<string, unknown>;
export function presentContact(outline: ContactOutline, view: 'full', priv: ContactPrivate, earlierContacts: EarlierContacts): Record<string, unknown>;
export function presentContact(outline: ContactOutline, view: ContactView, priv?: ContactPrivate, earlierContacts?: EarlierContacts): Record<string, unknown> {
  const { heardAboutCode, ...shared } = outline;
  if (view === 'restricted' || !priv) return { ...shared, heardAbout: heardAboutCode };
  return { ...shared, ...priv, earlierContacts };
}

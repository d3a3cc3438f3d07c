import { useCallback, useEffect, useState } from 'react';
import { caseTimeline, type CaseEvent } from '../../api/cases.js';
import type { Partner } from '../../api/partners.js';
import { FormError } from '../../components/forms.js';
import { describeError } from '../../errors.js';
import { useI18n, type MessageKey, type Translate } from '../../i18n/i18n.js';
import { useFormat } from './fields.js';
import { labels } from './labels.js';

const ACTIONS: Record<string, MessageKey> = {
  created: 'cases.timeline.created',
  updated: 'cases.timeline.updated',
  assessed: 'cases.timeline.assessed',
  service_added: 'cases.timeline.service_added',
  service_updated: 'cases.timeline.service_updated',
  referral_added: 'cases.timeline.referral_added',
  referral_updated: 'cases.timeline.referral_updated',
  identity_erased: 'cases.timeline.identity_erased',
};

/** The names of the fields the timeline mentions; any other shows as the API names it. */
const FIELDS: Record<string, MessageKey> = {
  status: 'cases.field.status', identifiedOn: 'cases.field.identifiedOn', openedOn: 'cases.field.openedOn', closedOn: 'cases.field.closedOn',
  sex: 'cases.field.sex', age: 'cases.field.age', child: 'cases.field.child', citizenship: 'cases.field.citizenship', languages: 'cases.field.languages',
  exploitationTypes: 'cases.field.exploitationTypes', sector: 'cases.field.sector', countryOfRecruitment: 'cases.field.countryOfRecruitment',
  placeOfRecruitment: 'cases.field.placeOfRecruitment', countryOfExploitation: 'cases.field.countryOfExploitation', placeOfExploitation: 'cases.field.placeOfExploitation',
  recruitmentMethod: 'cases.field.recruitmentMethod', recruiterRelation: 'cases.field.recruiterRelation', meansOfControl: 'cases.field.meansOfControl',
  referredBy: 'cases.field.referredBy', contactId: 'cases.field.contactId', name: 'cases.field.name', dateOfBirth: 'cases.field.dateOfBirth',
  contact: 'cases.field.contact', documentNumbers: 'cases.field.documentNumbers', notes: 'cases.field.notes',
  indicators: 'identification.indicators', indicatorNotes: 'identification.notes', assessmentVersion: 'identification.versionNumber', presumedVictim: 'identification.presumedVictim',
  kind: 'cases.services.kind', startedOn: 'cases.services.startedOn', endedOn: 'cases.services.endedOn', partnerId: 'cases.referrals.partner',
  provider: 'cases.services.provider', outcome: 'cases.services.outcome', purpose: 'cases.referrals.purpose', consentOn: 'cases.referrals.consent.on',
  referredOn: 'cases.referrals.referredOn', followUpOn: 'cases.referrals.followUpOn', serviceOutcomes: 'cases.timeline.serviceOutcomes', referralNotes: 'cases.timeline.referralNotes',
};

const DAY_FIELDS = new Set(['identifiedOn', 'openedOn', 'closedOn', 'startedOn', 'endedOn', 'consentOn', 'referredOn', 'followUpOn']);
const COUNTRY_FIELDS = new Set(['citizenship', 'countryOfRecruitment', 'countryOfExploitation']);
const LABELLED: Record<string, (t: Translate, v: string) => string> = {
  status: labels.status, sex: labels.sex, exploitationTypes: labels.exploitation, sector: labels.sector, meansOfControl: labels.means,
  recruitmentMethod: labels.recruitment, recruiterRelation: labels.recruiter, referredBy: labels.source, kind: labels.service, purpose: labels.purpose,
};

/** The case's history of changes, oldest first: who, when, which fields, and the values that hold no secret. */
export function TimelinePanel({ caseId, changes, partners }: { caseId: string; changes: number; partners: readonly Partner[] }) {
  const { t, formatDateTime } = useI18n();
  const f = useFormat();
  const [events, setEvents] = useState<CaseEvent[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (cursor?: string) => {
      setError(null);
      try {
        const page = await caseTimeline(caseId, { limit: 100, cursor });
        setEvents((before) => (cursor ? [...before, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
      } catch (e) {
        setError(describeError(t, e));
      }
    },
    [caseId, t],
  );

  useEffect(() => {
    void load();
  }, [load, changes]);

  const fieldName = (field: string) => (FIELDS[field] ? t(FIELDS[field]) : field);
  const value = (action: string, field: string, v: unknown): string => {
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) return '–';
    if (typeof v === 'boolean') return t(v ? 'cases.yes' : 'cases.no');
    if (Array.isArray(v)) return v.map((x) => value(action, field, x)).join(', ');
    const s = String(v);
    if (DAY_FIELDS.has(field)) return f.day(s);
    if (COUNTRY_FIELDS.has(field)) return f.country(s);
    if (field === 'languages') return f.language(s);
    if (field === 'partnerId') return partners.find((p) => p.id === s)?.name ?? s;
    // A referral's status is a step of the referral, not of the case.
    if (field === 'status' && action.startsWith('referral_')) return labels.referralStatus(t, s);
    return LABELLED[field]?.(t, s) ?? s;
  };

  return (
    <section className="panel timeline-panel" aria-labelledby="case-timeline">
      <h2 id="case-timeline">{t('cases.section.timeline')}</h2>
      <FormError message={error} />
      <ol className="timeline">
        {events.map((e) => {
          const changed = Object.entries(e.changes);
          const named = e.fields.filter((x) => !(x in e.changes));
          return (
            <li key={e.id}>
              <p className="timeline-what">{ACTIONS[e.action] ? t(ACTIONS[e.action]!) : e.action}</p>
              <p className="cell-sub">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time> · {e.actor?.name ?? t('cases.timeline.system')}
              </p>
              {changed.length > 0 && (
                <ul className="plain-list changes">
                  {changed.map(([field, c]) => (
                    <li key={field}>{t('cases.timeline.change', { field: fieldName(field), from: value(e.action, field, c.from), to: value(e.action, field, c.to) })}</li>
                  ))}
                </ul>
              )}
              {named.length > 0 && <p className="changes">{t(e.action === 'created' ? 'cases.timeline.fieldsGiven' : 'cases.timeline.fields', { fields: named.map(fieldName).join(', ') })}</p>}
            </li>
          );
        })}
      </ol>
      {nextCursor && (
        <button type="button" className="button secondary" onClick={() => void load(nextCursor)}>
          {t('common.loadMore')}
        </button>
      )}
    </section>
  );
}

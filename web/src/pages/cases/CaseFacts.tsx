import type { ReactNode } from 'react';
import { hasIdentity, type CaseFile } from '../../api/cases.js';
import { useI18n, type Translate } from '../../i18n/i18n.js';
import { Link } from '../../router.js';
import { useFormat } from './fields.js';
import { labels } from './labels.js';
import { VerdictText } from './Verdict.js';

const NONE = '–';

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts case-facts">
      {rows.map(([term, value]) => (
        <div key={term} className="fact">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What every reader of the file may see: the anonymous facts HTCDS and CTDC share. */
export function CaseFacts({ file }: { file: CaseFile }) {
  const { t } = useI18n();
  const f = useFormat();
  const place = (country: string | null, town: string | null) => [town, country && f.country(country)].filter(Boolean).join(', ') || NONE;
  const list = (values: string[], label: (t: Translate, v: string) => string) => values.map((v) => label(t, v)).join(', ') || NONE;
  return (
    <section className="panel" aria-labelledby="case-summary">
      <h2 id="case-summary">{t('cases.section.summary')}</h2>
      <Facts
        rows={[
          [t('cases.field.status'), labels.status(t, file.status)],
          [t('cases.field.openedOn'), f.day(file.openedOn)],
          [t('cases.field.identifiedOn'), file.identifiedOn ? f.day(file.identifiedOn) : NONE],
          ...(file.closedOn ? [[t('cases.field.closedOn'), f.day(file.closedOn)] as [string, ReactNode]] : []),
          [t('cases.field.sex'), labels.sex(t, file.sex)],
          [t('cases.field.age'), file.age === null ? NONE : file.child ? t('cases.age.child', { age: file.age }) : String(file.age)],
          [t('cases.field.citizenship'), f.country(file.citizenship)],
          [t('cases.field.languages'), file.languages.map(f.language).join(', ') || NONE],
          [t('cases.field.exploitationTypes'), list(file.exploitationTypes, labels.exploitation)],
          [t('cases.field.sector'), file.sector ? labels.sector(t, file.sector) : NONE],
          [t('cases.field.recruitment'), place(file.countryOfRecruitment, file.placeOfRecruitment)],
          [t('cases.field.exploitation'), place(file.countryOfExploitation, file.placeOfExploitation)],
          [t('cases.field.recruitmentMethod'), file.recruitmentMethod ? labels.recruitment(t, file.recruitmentMethod) : NONE],
          [t('cases.field.recruiterRelation'), file.recruiterRelation ? labels.recruiter(t, file.recruiterRelation) : NONE],
          [t('cases.field.meansOfControl'), list(file.meansOfControl, labels.means)],
          [t('cases.field.referredBy'), file.referredBy ? labels.source(t, file.referredBy) : NONE],
        ]}
      />
    </section>
  );
}

/** Name, date of birth, contact details, documents and notes: only in a caseworker's copy of the file. */
export function IdentitySection({ file }: { file: CaseFile }) {
  const { t } = useI18n();
  const f = useFormat();
  if (!hasIdentity(file)) return null;
  if (file.identityErasedAt) {
    return (
      <section className="panel confidential" aria-labelledby="case-identity">
        <h2 id="case-identity">{t('cases.section.identity')}</h2>
        <p>{t('cases.identity.erased', { day: f.day(file.identityErasedAt.slice(0, 10)) })}</p>
      </section>
    );
  }
  const contact = file.contact
    ? (['phone', 'email', 'messenger', 'address', 'other'] as const).flatMap((k) => (file.contact?.[k] ? [`${t(`cases.field.contact.${k}`)}: ${file.contact[k]}`] : []))
    : [];
  return (
    <section className="panel confidential" aria-labelledby="case-identity">
      <h2 id="case-identity">{t('cases.section.identity')}</h2>
      <p className="hint">{t('cases.section.identity.hint')}</p>
      <Facts
        rows={[
          [t('cases.field.name'), file.name ?? NONE],
          [t('cases.field.dateOfBirth'), file.dateOfBirth ? f.day(file.dateOfBirth) : NONE],
          [t('cases.field.contact'), contact.length ? <ul className="plain-list">{contact.map((c) => <li key={c}>{c}</li>)}</ul> : NONE],
          [
            t('cases.field.documentNumbers'),
            file.documentNumbers.length ? (
              <ul className="plain-list">
                {file.documentNumbers.map((d, i) => (
                  <li key={i}>{`${labels.document(t, d.type)}: ${d.number}${d.country ? ` (${f.country(d.country)})` : ''}`}</li>
                ))}
              </ul>
            ) : (
              NONE
            ),
          ],
        ]}
      />
      {file.notes && (
        <>
          <h3>{t('cases.field.notes')}</h3>
          <p className="notes">{file.notes}</p>
        </>
      )}
    </section>
  );
}

/** The latest ILO assessment: its verdict and the dimensions that were positive. */
export function AssessmentSummary({ file, caseworker }: { file: CaseFile; caseworker: boolean }) {
  const { t, formatDateTime } = useI18n();
  const a = file.assessment;
  return (
    <section className="panel" aria-labelledby="case-assessment">
      <h2 id="case-assessment">{t('identification.title')}</h2>
      {a ? (
        <>
          <p>{t('identification.version', { version: a.version, when: formatDateTime(a.assessedAt), who: a.assessedBy?.name ?? '–' })}</p>
          <VerdictText result={a.result} />
        </>
      ) : (
        <p>{t('identification.none')}</p>
      )}
      {caseworker && (
        <p>
          <Link to={`/cases/${file.id}/identification`}>{t(a ? 'identification.reassess' : 'identification.assess')}</Link>
        </p>
      )}
    </section>
  );
}

import { useCallback, useEffect, useState, type ReactNode } from 'react';
import {
  addFollowUp, addTopic, ATTENDANCE_IDS, createEvent, deleteTopic, EVENT_FORMAT_IDS, getEvent, invite, listEvents, listInvitations, listStakeholders, RSVP_IDS,
  updateEvent, updateFollowUp, updateInvitation,
  type Attendance, type CampaignEvent, type EventDetails, type EventFormat, type Invitation, type Rsvp, type Stakeholder,
} from '../../api/campaigns.js';
import type { Partner } from '../../api/partners.js';
import { CheckboxGroup, FormActions, FormError, SelectField, Status, SubmitButton, TextField } from '../../components/forms.js';
import { DataTable, usePagedList, type Column } from '../../components/lists.js';
import { useApiForm } from '../../components/useApiForm.js';
import { describeError } from '../../errors.js';
import { useI18n, type Translate } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { DateField } from '../cases/fields.js';
import { errorUnder } from '../cases/labels.js';
import { useFigures } from '../statistics/FigureTable.js';
import { CampaignHeader, useCampaign } from './CampaignNav.js';
import { instantOf, useRemoval, whole } from './useApiForm.js';
import { useActivePartners } from './useDirectory.js';

const formatLabel = (t: Translate, format: string) => t(`campaign.format.${format as EventFormat}`);

/** Public events with stakeholders: who was invited and came, what was raised, and what follows. */
export default function EventsPage({ params }: PageProps) {
  const { t, formatDateTimeShort } = useI18n();
  const { n } = useFigures();
  const { campaign, error: loadError } = useCampaign(params.id!);
  const fetchPage = useCallback(() => listEvents(params.id!), [params.id]);
  const { items: events, loading, error: failure, reload } = usePagedList(fetchPage);
  const error = failure ? describeError(t, failure) : null;
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const columns: Column<CampaignEvent>[] = [
    { label: t('campaigns.events.event'), rowHeader: true, cell: (e) => <><span className="cell-main">{e.title}</span><span className="cell-sub">{formatLabel(t, e.format)}</span></> },
    { label: t('campaigns.events.startsAt'), cell: (e) => formatDateTimeShort(e.startsAt) },
    { label: t('campaigns.events.place'), cell: (e) => e.venue ?? e.onlineUrl ?? '–' },
    { label: t('campaigns.events.participants'), className: 'numeric', cell: (e) => n(e.participants) },
    { label: t('cases.actions'), actions: true, cell: (e) => <button type="button" className="button secondary" aria-label={t('campaigns.events.open', { title: e.title })} onClick={() => setOpen(e.id)}>{t('campaigns.events.openShort')}</button> },
  ];

  return (
    <>
      <CampaignHeader campaign={campaign} error={loadError} />
      {campaign && (
        <>
          <h2>{t('campaigns.events.title')}</h2>
          <p className="page-actions">
            <button type="button" className="button" onClick={() => setAdding(true)}>{t('campaigns.events.add')}</button>
          </p>
          {adding && (
            <EventForm
              campaignId={campaign.id}
              onSaved={(e) => {
                setAdding(false);
                setOpen(e.id);
                setNotice(t('campaigns.events.added'));
                void reload();
              }}
              onCancel={() => setAdding(false)}
            />
          )}
          <Status message={loading ? t('common.loading') : notice || (error ? '' : t('campaigns.events.count', { n: events.length }))} />
          <FormError message={error} />
          <DataTable caption={t('campaigns.events.title')} columns={columns} rows={events} rowKey={(e) => e.id} />
          {open && <EventPanel key={open} campaignId={campaign.id} eventId={open} onChanged={(message) => { setNotice(message); void reload(); }} />}
        </>
      )}
    </>
  );
}

function EventForm({ campaignId, onSaved, onCancel }: { campaignId: string; onSaved(e: CampaignEvent): void; onCancel(): void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [format, setFormat] = useState<EventFormat | ''>('');
  const [startsAt, setStartsAt] = useState('');
  const [venue, setVenue] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const { errors, busy, submit } = useApiForm(['title', 'format', 'startsAt', 'venue', 'onlineUrl'], { format: t('cases.error.choose') });

  const save = (key: string) =>
    createEvent(campaignId, { title: title.trim(), format: format || undefined, startsAt: instantOf(startsAt), ...(venue.trim() ? { venue: venue.trim() } : {}), ...(onlineUrl.trim() ? { onlineUrl: onlineUrl.trim() } : {}) }, key).then(onSaved);

  return (
    <form className="panel form-section" onSubmit={(e) => void submit(e, save)} noValidate aria-label={t('campaigns.events.add')}>
      <FormError message={errors.form} />
      <div className="field-pair">
        <TextField label={t('campaigns.events.eventTitle')} required value={title} onChange={setTitle} error={errors.fields.title} />
        <SelectField<EventFormat> label={t('campaigns.events.format')} value={format} onChange={setFormat} options={EVENT_FORMAT_IDS.map((k) => ({ value: k, label: formatLabel(t, k) }))} empty={t('cases.choose')} required error={errors.fields.format} />
      </div>
      <div className="field-row">
        <TextField label={t('campaigns.events.startsAt')} type="datetime-local" required value={startsAt} onChange={setStartsAt} error={errors.fields.startsAt} />
        <TextField label={t('campaigns.events.venue')} value={venue} onChange={setVenue} error={errors.fields.venue} />
        <TextField label={t('campaigns.events.onlineUrl')} type="url" spellCheck={false} value={onlineUrl} onChange={setOnlineUrl} error={errors.fields.onlineUrl} />
      </div>
      <FormActions busy={busy} submitLabel={t('campaigns.events.add')} onCancel={onCancel} />
    </form>
  );
}

/** One event: its invitations with each reply and attendance, the counts, the topics raised and the follow-ups. */
function EventPanel({ campaignId, eventId, onChanged }: { campaignId: string; eventId: string; onChanged(message: string): void }) {
  const { t } = useI18n();
  const [event, setEvent] = useState<EventDetails | null>(null);
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [stakeholders, setStakeholders] = useState<Stakeholder[]>([]);
  // Loaded once for the panel: the forms below start afresh after every save.
  const directory = useActivePartners();
  const [error, setError] = useState<string | null>(null);
  // Each save brings fresh, empty forms (and with them a fresh idempotency key).
  const [round, setRound] = useState(0);
  const load = useCallback(() => {
    Promise.all([getEvent(campaignId, eventId), listInvitations(campaignId, eventId), listStakeholders()]).then(([e, i, s]) => {
      setEvent(e);
      setInvitations(i.items);
      setStakeholders(s.items);
    }, (x: unknown) => setError(describeError(t, x)));
  }, [campaignId, eventId, t]);
  useEffect(load, [load]);
  const changed = (message: string) => {
    setRound((r) => r + 1);
    load();
    onChanged(message);
  };
  const answer = (i: Invitation, body: { rsvp?: Rsvp; attendance?: Attendance }) => {
    setError(null);
    updateInvitation(campaignId, eventId, i.id, body).then(() => changed(t('campaigns.events.saved')), (x: unknown) => setError(describeError(t, x)));
  };
  const toggleFollowUp = (id: string, done: boolean) => {
    setError(null);
    updateFollowUp(campaignId, eventId, id, { done }).then(() => changed(t('campaigns.events.saved')), (x: unknown) => setError(describeError(t, x)));
  };

  if (!event) return <FormError message={error} />;
  const invited = new Set(invitations.map((i) => i.stakeholder.id));
  const nameOf = (i: Invitation): string => ('name' in i.stakeholder && i.stakeholder.name) || i.stakeholder.id || '';
  const columns: Column<Invitation>[] = [
    { label: t('campaigns.events.stakeholder'), rowHeader: true, cell: (i) => <><span className="cell-main">{nameOf(i)}</span>{'organisation' in i.stakeholder && <span className="cell-sub">{i.stakeholder.organisation}</span>}</> },
    {
      label: t('campaigns.events.rsvp'),
      cell: (i) => <SelectField<Rsvp> label={t('campaigns.events.rsvpOf', { name: nameOf(i) })} value={i.rsvp as Rsvp} onChange={(rsvp) => rsvp && answer(i, { rsvp })} options={RSVP_IDS.map((r) => ({ value: r, label: t(`campaigns.events.rsvp.${r}`) }))} />,
    },
    {
      label: t('campaigns.events.attendance'),
      cell: (i) => <SelectField<Attendance> label={t('campaigns.events.attendanceOf', { name: nameOf(i) })} value={i.attendance as Attendance} onChange={(attendance) => attendance && answer(i, { attendance })} options={ATTENDANCE_IDS.map((a) => ({ value: a, label: t(`campaigns.events.attendance.${a}`) }))} />,
    },
  ];

  return (
    <section className="panel form-section" aria-labelledby={`event-${event.id}`}>
      <h3 id={`event-${event.id}`}>{event.title}</h3>
      <FormError message={error ?? (directory.error ? describeError(t, directory.error) : null)} />
      <h4>{t('campaigns.events.invitations')}</h4>
      <p className="hint">{t('campaigns.events.replies', event.invitations)}</p>
      <DataTable compact caption={t('campaigns.events.invitations')} columns={columns} rows={invitations} rowKey={(i) => i.id} />
      <p className="hint"><Link to="/campaigns/stakeholders">{t('campaigns.stakeholders.manage')}</Link></p>
      <InviteForm key={`invite-${round}`} campaignId={campaignId} eventId={eventId} stakeholders={stakeholders.filter((s) => !invited.has(s.id))} onSaved={() => changed(t('campaigns.events.invited'))} />
      <DirectoryInviteForm key={`directory-${round}`} campaignId={campaignId} eventId={eventId} partners={directory.partners} onSaved={(result) => changed(t('campaigns.events.invitedFromDirectory', result))} />
      <AttendanceForm key={`attendance-${round}`} campaignId={campaignId} event={event} onSaved={() => changed(t('campaigns.events.saved'))} />
      <h4>{t('campaigns.events.topics')}</h4>
      <TopicList campaignId={campaignId} eventId={eventId} topics={event.topics} onRemoved={() => changed(t('campaigns.events.topicRemoved'))} />
      <TopicForm key={`topic-${round}`} campaignId={campaignId} eventId={eventId} onSaved={() => changed(t('campaigns.events.topicAdded'))} />
      <h4>{t('campaigns.events.followUps')}</h4>
      {event.followUps.length > 0 && <CheckboxGroup
        legend={t('campaigns.events.followUpsDone')}
        options={event.followUps.map((x) => ({ value: x.id, label: x.action, hint: [x.owner, x.dueOn].filter(Boolean).join(', ') || undefined }))}
        selected={event.followUps.filter((x) => x.done).map((x) => x.id)}
        onChange={(done) => event.followUps.filter((x) => done.includes(x.id) !== x.done).forEach((x) => toggleFollowUp(x.id, !x.done))}
      />}
      <FollowUpForm key={`follow-up-${round}`} campaignId={campaignId} eventId={eventId} onSaved={() => changed(t('campaigns.events.followUpAdded'))} />
    </section>
  );
}

/** A small form in an event's panel: a heading, the API's refusal, its fields and one button (named like the form unless `button` says otherwise). */
function PartForm({ label, button, form, save, children }: { label: string; button?: string; form: ReturnType<typeof useApiForm>; save(key: string): Promise<unknown>; children: ReactNode }) {
  return (
    <form onSubmit={(e) => void form.submit(e, save)} noValidate aria-label={label}>
      {button && <h4>{label}</h4>}
      <FormError message={form.errors.form} />
      {children}
      <SubmitButton busy={form.busy} className="button secondary">{button ?? label}</SubmitButton>
    </form>
  );
}

function InviteForm({ campaignId, eventId, stakeholders, onSaved }: { campaignId: string; eventId: string; stakeholders: Stakeholder[]; onSaved(): void }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string[]>([]);
  const form = useApiForm(['stakeholderIds']);
  if (stakeholders.length === 0) return <p className="hint">{t('campaigns.events.noneToInvite')}</p>;
  const save = (key: string) => invite(campaignId, eventId, { stakeholderIds: chosen }, key).then(() => {
    setChosen([]);
    onSaved();
  });
  return (
    <PartForm label={t('campaigns.events.invite')} form={form} save={save}>
      <CheckboxGroup legend={t('campaigns.events.invite')} options={stakeholders.map((s) => ({ value: s.id, label: s.name, hint: s.organisation }))} selected={chosen} onChange={setChosen} error={form.errors.fields.stakeholderIds} />
    </PartForm>
  );
}

/**
 * Invites people of the partner directory: some of a partner's contacts, or the organisation
 * itself. Each joins the contact list the first time it is invited.
 */
function DirectoryInviteForm({ campaignId, eventId, partners, onSaved }: { campaignId: string; eventId: string; partners: readonly Partner[]; onSaved(result: { invited: number; alreadyInvited: number }): void }) {
  const { t } = useI18n();
  const [partnerId, setPartnerId] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const form = useApiForm(['stakeholderIds', 'partners'], { stakeholderIds: t('campaigns.events.chooseInvitee') });
  if (partners.length === 0) return null;
  const partner = partners.find((p) => p.id === partnerId);
  const people = partner
    ? [
        { value: 'organisation', label: t('campaigns.events.theOrganisation', { name: partner.name }) },
        ...partner.contacts.map((c, i) => ({ value: String(i), label: c.name ?? c.role ?? c.email ?? c.phone ?? '', hint: [c.name && c.role, c.email].filter(Boolean).join(', ') || undefined })),
      ]
    : [];
  const save = (key: string) => invite(campaignId, eventId, { partners: chosen.map((v) => (v === 'organisation' ? { partnerId } : { partnerId, contact: Number(v) })) }, key).then(onSaved);
  const problem = errorUnder(form.errors, 'stakeholderIds') ?? errorUnder(form.errors, 'partners');
  return (
    <PartForm label={t('campaigns.events.fromDirectory')} button={t('campaigns.events.inviteFromDirectory')} form={form} save={save}>
      <SelectField
        label={t('campaigns.events.directoryPartner')}
        value={partnerId}
        onChange={(id) => {
          setPartnerId(id);
          setChosen([]);
        }}
        options={partners.map((p) => ({ value: p.id, label: p.name }))}
        empty={t('cases.choose')}
        error={partner ? undefined : problem}
      />
      {partner && <CheckboxGroup legend={t('campaigns.events.whoAt', { name: partner.name })} options={people} selected={chosen} onChange={setChosen} error={problem} />}
    </PartForm>
  );
}

function AttendanceForm({ campaignId, event, onSaved }: { campaignId: string; event: EventDetails; onSaved(): void }) {
  const { t } = useI18n();
  const [online, setOnline] = useState(event.attendedOnline?.toString() ?? '');
  const [inPerson, setInPerson] = useState(event.attendedInPerson?.toString() ?? '');
  const form = useApiForm(['attendedOnline', 'attendedInPerson']);
  const { errors } = form;
  const save = () => updateEvent(campaignId, event.id, { attendedOnline: whole(online) ?? null, attendedInPerson: whole(inPerson) ?? null }).then(onSaved);
  return (
    <PartForm label={t('campaigns.events.attendanceCounts')} button={t('campaigns.events.saveAttendance')} form={form} save={save}>
      <div className="field-pair">
        <TextField label={t('campaigns.events.attendedInPerson')} type="number" min={0} step={1} inputMode="numeric" value={inPerson} onChange={setInPerson} error={errors.fields.attendedInPerson} />
        <TextField label={t('campaigns.events.attendedOnline')} type="number" min={0} step={1} inputMode="numeric" value={online} onChange={setOnline} error={errors.fields.attendedOnline} />
      </div>
    </PartForm>
  );
}

/** The topics raised at an event, each with a button that removes it once the user confirms. */
function TopicList({ campaignId, eventId, topics, onRemoved }: { campaignId: string; eventId: string; topics: EventDetails['topics']; onRemoved(): void }) {
  const { t } = useI18n();
  const { dialog, busy, error, remove } = useRemoval({ topic_in_use: t('campaigns.events.topicInUse') });
  const question = (text: string) => ({ title: t('campaigns.events.removeTopic.title', { text }), message: t('campaigns.events.removeTopic.text'), confirmLabel: t('campaigns.events.removeTopic.button') });
  return (
    <>
      <FormError message={error} />
      <ul>
        {topics.map((x) => (
          <li key={x.id}>
            {x.raisedBy ? t('campaigns.events.topicBy', { text: x.text, who: x.raisedBy }) : x.text}{' '}
            <button type="button" className="button secondary small" disabled={busy} aria-label={t('campaigns.events.removeTopic', { text: x.text })} onClick={() => void remove(question(x.text), () => deleteTopic(campaignId, eventId, x.id).then(onRemoved))}>
              {t('campaigns.events.removeTopic.button')}
            </button>
          </li>
        ))}
      </ul>
      {dialog}
    </>
  );
}

function TopicForm({ campaignId, eventId, onSaved }: { campaignId: string; eventId: string; onSaved(): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [raisedBy, setRaisedBy] = useState('');
  const form = useApiForm(['text', 'raisedBy']);
  const { errors } = form;
  const save = (key: string) => addTopic(campaignId, eventId, { text: text.trim(), ...(raisedBy.trim() ? { raisedBy: raisedBy.trim() } : {}) }, key).then(onSaved);
  return (
    <PartForm label={t('campaigns.events.addTopic')} form={form} save={save}>
      <div className="field-pair">
        <TextField label={t('campaigns.events.topic')} required value={text} onChange={setText} error={errors.fields.text} />
        <TextField label={t('campaigns.events.raisedBy')} value={raisedBy} onChange={setRaisedBy} error={errors.fields.raisedBy} />
      </div>
    </PartForm>
  );
}

function FollowUpForm({ campaignId, eventId, onSaved }: { campaignId: string; eventId: string; onSaved(): void }) {
  const { t } = useI18n();
  const [action, setAction] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const form = useApiForm(['action', 'owner', 'dueOn']);
  const { errors } = form;
  const save = (key: string) => addFollowUp(campaignId, eventId, { action: action.trim(), ...(owner.trim() ? { owner: owner.trim() } : {}), ...(dueOn ? { dueOn } : {}) }, key).then(onSaved);
  return (
    <PartForm label={t('campaigns.events.addFollowUp')} form={form} save={save}>
      <div className="field-row">
        <TextField label={t('campaigns.events.action')} required value={action} onChange={setAction} error={errors.fields.action} />
        <TextField label={t('campaigns.events.owner')} value={owner} onChange={setOwner} error={errors.fields.owner} />
        <DateField label={t('campaigns.events.dueOn')} value={dueOn} onChange={setDueOn} error={errors.fields.dueOn} />
      </div>
    </PartForm>
  );
}

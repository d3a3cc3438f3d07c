import { useCallback, useState } from 'react';
import {
  addRecommendation, ADDRESSEE_KIND_IDS, createPublication, deleteRecommendation, listPublications, listTopics, PUBLICATION_LANGS, updatePublication, updateRecommendation,
  type AddresseeKind, type CampaignTopic, type Localised, type Publication, type Recommendation,
} from '../../api/campaigns.js';
import { CheckboxGroup, FormActions, FormError, SelectField, Status, SubmitButton, TextAreaField, TextField } from '../../components/forms.js';
import { DataTable, usePagedList, type Column } from '../../components/lists.js';
import { useApiForm } from '../../components/useApiForm.js';
import { describeError } from '../../errors.js';
import { useI18n, type Translate } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { useFormat } from '../cases/fields.js';
import { errorUnder, type FormErrors } from '../cases/labels.js';
import { CampaignHeader, useCampaign } from './CampaignNav.js';
import { useRemoval } from './useApiForm.js';

type Form = { kind: 'none' } | { kind: 'publication' } | { kind: 'recommendation'; recommendation?: Recommendation };

const addresseeLabel = (t: Translate, kind: string) => t(`campaigns.recommendations.addresseeKind.${kind as AddresseeKind}`);
/** The texts typed in, without the empty ones: a draft may lack a language. */
const filled = (l: Localised): Localised => Object.fromEntries(Object.entries(l).map(([k, v]) => [k, v?.trim()]).filter(([, v]) => v));

/** A text in the reader's language where it is written, else in the other. */
function useLocalised() {
  const { lang } = useI18n();
  return (l: Localised) => (lang === 'en' ? l.en ?? l['sr-Latn'] : l['sr-Latn'] ?? l.en) ?? '–';
}

/** The publication of recommendations drawn from what the campaign's events raised: its texts, and putting it online. */
export default function RecommendationsPage({ params }: PageProps) {
  const { t } = useI18n();
  const { campaign, error: loadError } = useCampaign(params.id!);
  const fetchPublications = useCallback(() => listPublications(params.id!), [params.id]);
  const fetchTopics = useCallback(() => listTopics(params.id!), [params.id]);
  const { items: publications, loading, error: failure, reload } = usePagedList(fetchPublications);
  const { items: topics } = usePagedList(fetchTopics);
  const error = failure ? describeError(t, failure) : null;
  const [notice, setNotice] = useState('');
  const changed = (message: string) => {
    setNotice(message);
    void reload();
  };

  return (
    <>
      <CampaignHeader campaign={campaign} error={loadError} />
      {campaign && (
        <>
          <h2>{t('campaigns.recommendations.title')}</h2>
          <Status message={loading ? t('common.loading') : notice} />
          <FormError message={error} />
          {!loading && !failure && publications.length === 0 && <PublicationForm campaignId={campaign.id} onSaved={() => changed(t('campaigns.recommendations.started'))} />}
          {publications.map((p) => <PublicationSection key={p.id} campaignId={campaign.id} publication={p} topics={topics} onChanged={changed} />)}
        </>
      )}
    </>
  );
}

/** A text in each language the publication is written in, side by side. */
function LocalisedFields({ label, name, value, onChange, errors, long }: { label: string; name: string; value: Localised; onChange(v: Localised): void; errors: FormErrors; long?: boolean }) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <div className="field-pair">
      {PUBLICATION_LANGS.map((l) => {
        const props = { label: t('campaigns.recommendations.inLanguage', { label, language: f.language(l) }), value: value[l] ?? '', onChange: (v: string) => onChange({ ...value, [l]: v }), error: errors.fields[`${name}.${l}`] };
        return long ? <TextAreaField key={l} rows={3} {...props} /> : <TextField key={l} {...props} />;
      })}
    </div>
  );
}

function PublicationForm({ campaignId, publication, onSaved, onCancel }: { campaignId: string; publication?: Publication; onSaved(): void; onCancel?(): void }) {
  const { t } = useI18n();
  const [slug, setSlug] = useState(publication?.slug ?? '');
  const [title, setTitle] = useState<Localised>(publication?.title ?? {});
  const { errors, busy, submit } = useApiForm(['slug', 'title']);
  const save = (key: string) => {
    const body = { slug: slug.trim(), title: filled(title) };
    return (publication ? updatePublication(campaignId, publication.id, body) : createPublication(campaignId, body, key)).then(onSaved);
  };
  const name = publication ? t('campaigns.recommendations.changePublication') : t('campaigns.recommendations.start');
  return (
    <form className="panel form-section" onSubmit={(e) => void submit(e, save)} noValidate aria-label={name}>
      <h3>{name}</h3>
      <FormError message={errors.form} />
      <LocalisedFields label={t('campaigns.recommendations.publicationTitle')} name="title" value={title} onChange={setTitle} errors={errors} />
      <TextField label={t('campaigns.field.slug')} hint={t('campaigns.recommendations.slug.hint')} required spellCheck={false} autoCapitalize="none" value={slug} onChange={setSlug} error={errors.fields.slug} />
      <FormActions busy={busy} submitLabel={name} onCancel={onCancel} />
    </form>
  );
}

function PublicationSection({ campaignId, publication: p, topics, onChanged }: { campaignId: string; publication: Publication; topics: CampaignTopic[]; onChanged(message: string): void }) {
  const { t } = useI18n();
  const f = useFormat();
  const inLang = useLocalised();
  const [form, setForm] = useState<Form>({ kind: 'none' });
  const { errors, busy, submit } = useApiForm([]);
  // The API refuses only to leave a published document without recommendations.
  const removal = useRemoval({ invalid_fields: t('campaigns.recommendations.lastOfPublished') });
  const saved = (message: string) => {
    setForm({ kind: 'none' });
    onChanged(message);
  };
  const remove = (r: Recommendation) => removal.remove(
    { title: t('campaigns.recommendations.remove.title', { n: r.position }), message: t('campaigns.recommendations.remove.text'), confirmLabel: t('campaigns.recommendations.remove.button') },
    () => deleteRecommendation(campaignId, p.id, r.id).then(() => saved(t('campaigns.recommendations.removed'))),
  );
  const publish = () => updatePublication(campaignId, p.id, { published: !p.published }).then(() => onChanged(t(p.published ? 'campaigns.recommendations.takenDown' : 'campaigns.recommendations.isPublished')));
  const columns: Column<Recommendation>[] = [
    { label: t('campaigns.recommendations.number'), className: 'numeric', cell: (r) => r.position },
    { label: t('campaign.publication.addressee'), rowHeader: true, cell: (r) => <><span className="cell-main">{inLang(r.addressee)}</span><span className="cell-sub">{addresseeLabel(t, r.addresseeKind)}</span></> },
    { label: t('campaign.publication.gap'), cell: (r) => inLang(r.gap) },
    { label: t('campaigns.recommendations.text'), cell: (r) => inLang(r.text) },
    {
      label: t('cases.actions'),
      actions: true,
      cell: (r) => (
        <div className="actions">
          <button type="button" className="button secondary" onClick={() => setForm({ kind: 'recommendation', recommendation: r })}>{t('campaigns.recommendations.edit', { n: r.position })}</button>
          <button type="button" className="button secondary" disabled={removal.busy} onClick={() => void remove(r)}>{t('campaigns.recommendations.remove', { n: r.position })}</button>
        </div>
      ),
    },
  ];

  return (
    <section className="form-section" aria-labelledby={`publication-${p.id}`}>
      <h3 id={`publication-${p.id}`}>{inLang(p.title)}</h3>
      <p className="lead">{p.published && p.publishedAt ? t('campaign.publication.published', { date: f.day(p.publishedAt.slice(0, 10)) }) : t('campaigns.recommendations.draft')}</p>
      {p.paths.length > 0 && (
        <ul className="links">
          {p.paths.map((path) => {
            const language = f.language(path.split('/')[1]!);
            return (
              <li key={path}>
                <a href={path}>{t('campaigns.recommendations.publicPage', { language })}</a>{' · '}<a href={`${path}.pdf`}>{t('campaigns.recommendations.pdf', { language })}</a>
              </li>
            );
          })}
        </ul>
      )}
      <form onSubmit={(e) => void submit(e, publish)} noValidate aria-label={t('campaigns.recommendations.publishing')}>
        <FormError message={errors.form} />
        <p className="page-actions">
          <SubmitButton busy={busy}>{t(p.published ? 'campaigns.recommendations.takeDown' : 'campaigns.recommendations.publish')}</SubmitButton>
          <button type="button" className="button secondary" onClick={() => setForm({ kind: 'recommendation' })}>{t('campaigns.recommendations.add')}</button>
          <button type="button" className="button secondary" onClick={() => setForm({ kind: 'publication' })}>{t('campaigns.recommendations.changePublication')}</button>
        </p>
      </form>
      {form.kind === 'publication' && <PublicationForm campaignId={campaignId} publication={p} onSaved={() => saved(t('campaigns.recommendations.saved'))} onCancel={() => setForm({ kind: 'none' })} />}
      {form.kind === 'recommendation' && (
        <RecommendationForm
          key={form.recommendation?.id ?? 'new'}
          campaignId={campaignId}
          publicationId={p.id}
          recommendation={form.recommendation}
          topics={topics}
          onSaved={() => saved(t(form.recommendation ? 'campaigns.recommendations.saved' : 'campaigns.recommendations.added'))}
          onCancel={() => setForm({ kind: 'none' })}
        />
      )}
      <p className="hint">{t('campaigns.recommendations.count', { n: p.recommendations.length })}</p>
      <FormError message={removal.error} />
      <DataTable caption={t('campaigns.recommendations.list')} columns={columns} rows={p.recommendations} rowKey={(r) => r.id} />
      {removal.dialog}
    </section>
  );
}

function RecommendationForm({ campaignId, publicationId, recommendation: r, topics, onSaved, onCancel }: {
  campaignId: string; publicationId: string; recommendation?: Recommendation; topics: CampaignTopic[]; onSaved(): void; onCancel(): void;
}) {
  const { t } = useI18n();
  const [addresseeKind, setAddresseeKind] = useState<AddresseeKind | ''>((r?.addresseeKind as AddresseeKind | undefined) ?? '');
  const [addressee, setAddressee] = useState<Localised>(r?.addressee ?? {});
  const [gap, setGap] = useState<Localised>(r?.gap ?? {});
  const [text, setText] = useState<Localised>(r?.text ?? {});
  const [topicIds, setTopicIds] = useState<string[]>(r?.topicIds ?? []);
  const { errors, busy, submit } = useApiForm(['addresseeKind', 'addressee', 'gap', 'text', 'topicIds'], { addresseeKind: t('cases.error.choose') });
  const save = (key: string) => {
    const body = { addresseeKind: addresseeKind || undefined, addressee: filled(addressee), gap: filled(gap), text: filled(text), topicIds };
    return (r ? updateRecommendation(campaignId, publicationId, r.id, body) : addRecommendation(campaignId, publicationId, body, key)).then(onSaved);
  };
  const name = r ? t('campaigns.recommendations.edit', { n: r.position }) : t('campaigns.recommendations.add');
  return (
    <form className="panel form-section" onSubmit={(e) => void submit(e, save)} noValidate aria-label={name}>
      <h4>{name}</h4>
      <FormError message={errors.form} />
      <SelectField<AddresseeKind> label={t('campaigns.recommendations.addresseeKind')} value={addresseeKind} onChange={setAddresseeKind} options={ADDRESSEE_KIND_IDS.map((k) => ({ value: k, label: addresseeLabel(t, k) }))} empty={t('cases.choose')} required error={errors.fields.addresseeKind} />
      <LocalisedFields label={t('campaign.publication.addressee')} name="addressee" value={addressee} onChange={setAddressee} errors={errors} />
      <LocalisedFields label={t('campaign.publication.gap')} name="gap" value={gap} onChange={setGap} errors={errors} long />
      <LocalisedFields label={t('campaigns.recommendations.text')} name="text" value={text} onChange={setText} errors={errors} long />
      {topics.length > 0 && (
        <CheckboxGroup
          legend={t('campaigns.recommendations.topics')}
          options={topics.map((x) => ({ value: x.id, label: x.text, hint: x.eventTitle ?? undefined }))}
          selected={topicIds}
          onChange={setTopicIds}
          error={errorUnder(errors, 'topicIds')}
        />
      )}
      <FormActions busy={busy} submitLabel={r ? t('campaigns.recommendations.save') : t('campaigns.recommendations.add')} onCancel={onCancel} />
    </form>
  );
}

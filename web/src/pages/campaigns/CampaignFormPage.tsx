import { useState } from 'react';
import { createCampaign, updateCampaign, type Campaign, type CampaignFields } from '../../api/campaigns.js';
import { CheckboxGroup, FormError, SubmitButton, TextAreaField, TextField } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { useApiForm } from '../../components/useApiForm.js';
import { useI18n } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { navigate } from '../../router.js';
import { PUBLIC_LANGS } from '../../../../src/platform/i18n/locales.js';
import { DateField, useFormat } from '../cases/fields.js';
import { errorUnder } from '../cases/labels.js';
import { CampaignHeader, useCampaign } from './CampaignNav.js';

const SHOWN = ['name', 'slug', 'startsOn', 'endsOn', 'languages', 'goals', 'audiences'];

/** One short text a line: goals and audiences are lists. */
const linesOf = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** A new campaign: name, public address, dates, the languages of its pages, its goals and audiences. */
export default function NewCampaignPage({ title }: PageProps) {
  return (
    <div className="form-page">
      <Heading>{title}</Heading>
      <CampaignForm />
    </div>
  );
}

/** The campaign's details, changed in place (`/campaigns/:id/edit`). */
export function EditCampaignPage({ params }: PageProps) {
  const { campaign, error } = useCampaign(params.id!);
  return (
    <div className="form-page">
      <CampaignHeader campaign={campaign} error={error} />
      {/* A new form for each loaded version, so its fields start from what is stored. */}
      {campaign && <CampaignForm key={campaign.updatedAt} campaign={campaign} />}
    </div>
  );
}

function CampaignForm({ campaign }: { campaign?: Campaign }) {
  const { t } = useI18n();
  const f = useFormat();
  const [name, setName] = useState(campaign?.name ?? '');
  const [slug, setSlug] = useState(campaign?.slug ?? '');
  const [startsOn, setStartsOn] = useState(campaign?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(campaign?.endsOn ?? '');
  const [languages, setLanguages] = useState<string[]>(campaign?.languages ?? ['sr-Latn']);
  const [goals, setGoals] = useState((campaign?.goals ?? []).join('\n'));
  const [audiences, setAudiences] = useState((campaign?.audiences ?? []).join('\n'));
  // The one rule between two fields, in the reader's words; the API words the rest.
  const { errors, busy, submit } = useApiForm(SHOWN, {}, (found) =>
    found.fields.endsOn?.includes('before startsOn') ? { ...found, fields: { ...found.fields, endsOn: t('campaigns.error.endsBeforeStart') } } : found,
  );

  const save = async (key: string) => {
    const fields: CampaignFields = { name: name.trim(), slug: slug.trim(), startsOn, endsOn, languages, goals: linesOf(goals), audiences: linesOf(audiences) };
    const saved = campaign ? await updateCampaign(campaign.id, fields) : await createCampaign(fields, key);
    navigate(`/campaigns/${encodeURIComponent(saved.id)}`);
  };

  return (
    <form onSubmit={(e) => void submit(e, save)} noValidate>
      <FormError message={errors.form} />
      <fieldset className="panel form-section">
        <legend>{t('campaigns.section.campaign')}</legend>
        <TextField label={t('campaigns.field.name')} required value={name} onChange={setName} error={errors.fields.name} />
        <TextField
          label={t('campaigns.field.slug')}
          hint={t('campaigns.field.slug.hint')}
          required
          spellCheck={false}
          autoCapitalize="none"
          value={slug}
          onChange={setSlug}
          error={errors.fields.slug}
        />
        <div className="field-pair">
          <DateField label={t('campaigns.field.startsOn')} required value={startsOn} onChange={setStartsOn} error={errors.fields.startsOn} />
          <DateField label={t('campaigns.field.endsOn')} required value={endsOn} onChange={setEndsOn} error={errors.fields.endsOn} />
        </div>
        <div className="checkbox-columns">
          <CheckboxGroup
            legend={t('campaigns.field.languages')}
            options={PUBLIC_LANGS.map((l) => ({ value: l, label: f.language(l) }))}
            selected={languages}
            onChange={setLanguages}
            error={errorUnder(errors, 'languages')}
          />
        </div>
      </fieldset>
      <fieldset className="panel form-section">
        <legend>{t('campaigns.section.aims')}</legend>
        <TextAreaField label={t('campaigns.field.goals')} hint={t('campaigns.field.lines.hint')} rows={3} value={goals} onChange={setGoals} error={errorUnder(errors, 'goals')} />
        <TextAreaField label={t('campaigns.field.audiences')} hint={t('campaigns.field.lines.hint')} rows={3} value={audiences} onChange={setAudiences} error={errorUnder(errors, 'audiences')} />
      </fieldset>
      <div className="actions">
        <SubmitButton busy={busy}>{t(campaign ? 'campaigns.save' : 'campaigns.create')}</SubmitButton>
      </div>
    </form>
  );
}

import { useCallback, useState } from 'react';
import {
  CARRIER_KIND_IDS, createMaterial, distributeMaterial, listMaterials, MATERIAL_KIND_IDS, PLACE_KIND_IDS,
  type CarrierKind, type Material, type MaterialKind, type PlaceKind,
} from '../../api/campaigns.js';
import { FormError, SelectField, Status, SubmitButton, TextField } from '../../components/forms.js';
import { usePagedList } from '../../components/lists.js';
import { describeError } from '../../errors.js';
import { useI18n, type Translate } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { DateField, useFormat } from '../cases/fields.js';
import { useFigures } from '../statistics/FigureTable.js';
import { CampaignHeader, useCampaign } from './CampaignNav.js';
import { useApiForm, useListForms, whole } from './useApiForm.js';

type Form = { kind: 'item' } | { kind: 'distribution'; material: Material };

const kindLabel = (t: Translate, kind: string) => t(`campaigns.materials.kind.${kind as MaterialKind}`);

/** Printed materials: each item's print run, the copies partners carried out, and what is left in stock. */
export default function MaterialsPage({ params }: PageProps) {
  const { t } = useI18n();
  const f = useFormat();
  const { n } = useFigures();
  const { campaign, error: loadError } = useCampaign(params.id!);
  const fetchPage = useCallback(() => listMaterials(params.id!), [params.id]);
  const { items: materials, loading, error: failure, reload } = usePagedList(fetchPage);
  const error = failure ? describeError(t, failure) : null;
  const { form, setForm, notice, saved } = useListForms<Form>(reload);

  return (
    <>
      <CampaignHeader campaign={campaign} error={loadError} />
      {campaign && (
        <>
          <h2>{t('campaigns.materials.title')}</h2>
          <p className="page-actions">
            <button type="button" className="button" onClick={() => setForm({ kind: 'item' })}>{t('campaigns.materials.add')}</button>
          </p>
          {form.kind === 'item' && <MaterialForm campaignId={campaign.id} onSaved={() => saved(t('campaigns.materials.added'))} onCancel={() => setForm({ kind: 'none' })} />}
          {form.kind === 'distribution' && (
            <DistributionForm campaignId={campaign.id} material={form.material} onSaved={() => saved(t('campaigns.materials.distributed'))} onCancel={() => setForm({ kind: 'none' })} />
          )}
          <Status message={loading ? t('common.loading') : notice || (error ? '' : t('campaigns.materials.count', { n: materials.length }))} />
          <FormError message={error} />
          {materials.length > 0 && (
            <table className="data-table">
              <caption className="visually-hidden">{t('campaigns.materials.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('campaigns.materials.item')}</th>
                  <th scope="col">{t('campaign.export.language')}</th>
                  <th scope="col" className="numeric">{t('campaign.export.printed')}</th>
                  <th scope="col" className="numeric">{t('campaign.export.distributed')}</th>
                  <th scope="col" className="numeric">{t('campaign.export.inStock')}</th>
                  <th scope="col"><span className="visually-hidden">{t('cases.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                {materials.map((m) => (
                  <tr key={m.id}>
                    <th scope="row" data-label={t('campaigns.materials.item')}>
                      <span className="cell-main">{m.title}</span>
                      <span className="cell-sub">{kindLabel(t, m.kind)}</span>
                    </th>
                    <td data-label={t('campaign.export.language')}>{f.language(m.language)}</td>
                    <td data-label={t('campaign.export.printed')} className="numeric">{n(m.printRun)}</td>
                    <td data-label={t('campaign.export.distributed')} className="numeric">{n(m.distributed)}</td>
                    <td data-label={t('campaign.export.inStock')} className="numeric">{n(m.inStock)}</td>
                    <td>
                      <button type="button" className="button secondary" disabled={m.inStock === 0} onClick={() => setForm({ kind: 'distribution', material: m })}>
                        {t('campaigns.materials.distribute', { title: m.title })}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}

function MaterialForm({ campaignId, onSaved, onCancel }: { campaignId: string; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<MaterialKind | ''>('');
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState('');
  const [printRun, setPrintRun] = useState('');
  const [printedOn, setPrintedOn] = useState('');
  const { errors, busy, submit } = useApiForm(['kind', 'title', 'language', 'printRun', 'printedOn'], { kind: t('cases.error.choose') });

  const save = (key: string) =>
    createMaterial(campaignId, { kind: kind || undefined, title: title.trim(), language: language.trim(), printRun: whole(printRun), ...(printedOn ? { printedOn } : {}) }, key).then(onSaved);

  return (
    <form className="panel form-section" onSubmit={(e) => void submit(e, save)} noValidate aria-label={t('campaigns.materials.add')}>
      <FormError message={errors.form} />
      <div className="field-pair">
        <SelectField<MaterialKind> label={t('campaigns.materials.kind')} value={kind} onChange={setKind} options={MATERIAL_KIND_IDS.map((k) => ({ value: k, label: kindLabel(t, k) }))} empty={t('cases.choose')} required error={errors.fields.kind} />
        <TextField label={t('campaigns.materials.itemTitle')} required value={title} onChange={setTitle} error={errors.fields.title} />
      </div>
      <div className="field-row">
        <TextField label={t('campaign.export.language')} hint={t('campaigns.materials.language.hint')} required spellCheck={false} autoCapitalize="none" value={language} onChange={setLanguage} error={errors.fields.language} />
        <TextField label={t('campaigns.materials.printRun')} type="number" min={1} step={1} inputMode="numeric" required value={printRun} onChange={setPrintRun} error={errors.fields.printRun} />
        <DateField label={t('campaigns.materials.printedOn')} value={printedOn} onChange={setPrintedOn} error={errors.fields.printedOn} />
      </div>
      <div className="actions">
        <SubmitButton busy={busy}>{t('campaigns.materials.add')}</SubmitButton>
        <button type="button" className="button secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

function DistributionForm({ campaignId, material, onSaved, onCancel }: { campaignId: string; material: Material; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const [partner, setPartner] = useState('');
  const [partnerKind, setPartnerKind] = useState<CarrierKind | ''>('');
  const [place, setPlace] = useState('');
  const [placeKind, setPlaceKind] = useState<PlaceKind | ''>('');
  const [city, setCity] = useState('');
  const [quantity, setQuantity] = useState('');
  const [distributedOn, setDistributedOn] = useState('');
  const choose = t('cases.error.choose');
  const { errors, busy, submit } = useApiForm(['partner', 'partnerKind', 'place', 'placeKind', 'city', 'quantity', 'distributedOn'], { partnerKind: choose, placeKind: choose });

  const save = (key: string) =>
    distributeMaterial(
      campaignId, material.id,
      { partner: partner.trim(), partnerKind: partnerKind || undefined, place: place.trim(), placeKind: placeKind || undefined, ...(city.trim() ? { city: city.trim() } : {}), quantity: whole(quantity), distributedOn },
      key,
    ).then(onSaved);

  return (
    <form className="panel form-section" onSubmit={(e) => void submit(e, save)} noValidate aria-label={t('campaigns.materials.distribute', { title: material.title })}>
      <h3>{t('campaigns.materials.distribute', { title: material.title })}</h3>
      <p className="hint">{t('campaigns.materials.inStockNow', { n: material.inStock })}</p>
      <FormError message={errors.form} />
      <div className="field-pair">
        <TextField label={t('campaigns.materials.partner')} required value={partner} onChange={setPartner} error={errors.fields.partner} />
        <SelectField<CarrierKind> label={t('campaigns.materials.partnerKind')} value={partnerKind} onChange={setPartnerKind} options={CARRIER_KIND_IDS.map((k) => ({ value: k, label: t(`campaigns.materials.carrier.${k}`) }))} empty={t('cases.choose')} required error={errors.fields.partnerKind} />
      </div>
      <div className="field-pair">
        <TextField label={t('campaign.export.place')} required value={place} onChange={setPlace} error={errors.fields.place} />
        <SelectField<PlaceKind> label={t('campaign.export.placeKind')} value={placeKind} onChange={setPlaceKind} options={PLACE_KIND_IDS.map((k) => ({ value: k, label: t(`campaign.placeKind.${k}`) }))} empty={t('cases.choose')} required error={errors.fields.placeKind} />
      </div>
      <div className="field-row">
        <TextField label={t('campaign.export.city')} value={city} onChange={setCity} error={errors.fields.city} />
        <TextField label={t('campaign.export.copies')} type="number" min={1} step={1} inputMode="numeric" required value={quantity} onChange={setQuantity} error={errors.fields.quantity} />
        <DateField label={t('campaigns.materials.distributedOn')} required value={distributedOn} onChange={setDistributedOn} error={errors.fields.distributedOn} />
      </div>
      <div className="actions">
        <SubmitButton busy={busy}>{t('campaigns.materials.record')}</SubmitButton>
        <button type="button" className="button secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

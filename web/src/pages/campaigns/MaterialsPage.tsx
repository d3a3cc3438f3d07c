import { useCallback, useEffect, useState } from 'react';
import {
  CARRIER_KIND_IDS, createMaterial, deleteDistribution, distributeMaterial, getMaterial, listMaterials, MATERIAL_KIND_IDS, PLACE_KIND_IDS, updateMaterial,
  type CarrierKind, type Distribution, type Material, type MaterialKind, type PlaceKind,
} from '../../api/campaigns.js';
import { FormActions, FormError, SelectField, Status, TextAreaField, TextField } from '../../components/forms.js';
import { DataTable, usePagedList, type Column } from '../../components/lists.js';
import { useApiForm } from '../../components/useApiForm.js';
import { describeError } from '../../errors.js';
import { useI18n, type Translate } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { DateField, useFormat } from '../cases/fields.js';
import { useFigures } from '../statistics/FigureTable.js';
import { CampaignHeader, useCampaign } from './CampaignNav.js';
import { useListForms, useRemoval, whole } from './useApiForm.js';

type Form = { kind: 'item' } | { kind: 'edit'; material: Material } | { kind: 'distribution'; material: Material };

const kindLabel = (t: Translate, kind: string) => t(`campaigns.materials.kind.${kind as MaterialKind}`);

/**
 * Printed materials: each item's print run, the copies partners carried out, and what is left in
 * stock. An item can be changed, and a record of copies handed out entered by mistake removed.
 */
export default function MaterialsPage({ params }: PageProps) {
  const { t } = useI18n();
  const f = useFormat();
  const { n } = useFigures();
  const { campaign, error: loadError } = useCampaign(params.id!);
  const fetchPage = useCallback(() => listMaterials(params.id!), [params.id]);
  const { items: materials, loading, error: failure, reload } = usePagedList(fetchPage);
  const error = failure ? describeError(t, failure) : null;
  const { form, setForm, notice, setNotice, saved } = useListForms<Form>(reload);
  // The item whose records of copies handed out are shown.
  const [open, setOpen] = useState<string | null>(null);
  const opened = materials.find((m) => m.id === open);
  const closeForm = () => setForm({ kind: 'none' });

  const columns: Column<Material>[] = [
    { label: t('campaigns.materials.item'), rowHeader: true, cell: (m) => <><span className="cell-main">{m.title}</span><span className="cell-sub">{kindLabel(t, m.kind)}</span></> },
    { label: t('campaign.export.language'), cell: (m) => f.language(m.language) },
    { label: t('campaign.export.printed'), className: 'numeric', cell: (m) => n(m.printRun) },
    { label: t('campaign.export.distributed'), className: 'numeric', cell: (m) => n(m.distributed) },
    { label: t('campaign.export.inStock'), className: 'numeric', cell: (m) => n(m.inStock) },
    {
      label: t('cases.actions'),
      actions: true,
      cell: (m) => (
        <div className="row-actions">
          <button type="button" className="button secondary small" disabled={m.inStock === 0} aria-label={t('campaigns.materials.distribute', { title: m.title })} onClick={() => setForm({ kind: 'distribution', material: m })}>
            {t('campaigns.materials.distribute.button')}
          </button>
          <button type="button" className="button secondary small" aria-label={t('campaigns.materials.records', { title: m.title })} aria-expanded={open === m.id} onClick={() => setOpen(open === m.id ? null : m.id)}>
            {t('campaigns.materials.records.button')}
          </button>
          <button type="button" className="button secondary small" aria-label={t('campaigns.materials.edit', { title: m.title })} onClick={() => setForm({ kind: 'edit', material: m })}>
            {t('campaigns.materials.edit.button')}
          </button>
        </div>
      ),
    },
  ];

  return (
    <>
      <CampaignHeader campaign={campaign} error={loadError} />
      {campaign && (
        <>
          <h2>{t('campaigns.materials.title')}</h2>
          <p className="page-actions">
            <button type="button" className="button" onClick={() => setForm({ kind: 'item' })}>{t('campaigns.materials.add')}</button>
          </p>
          {form.kind === 'item' && <MaterialForm campaignId={campaign.id} onSaved={() => saved(t('campaigns.materials.added'))} onCancel={closeForm} />}
          {form.kind === 'edit' && <MaterialForm key={form.material.id} campaignId={campaign.id} material={form.material} onSaved={() => saved(t('campaigns.materials.saved'))} onCancel={closeForm} />}
          {form.kind === 'distribution' && (
            <DistributionForm key={form.material.id} campaignId={campaign.id} material={form.material} onSaved={() => saved(t('campaigns.materials.distributed'))} onCancel={closeForm} />
          )}
          <Status message={loading ? t('common.loading') : notice || (error ? '' : t('campaigns.materials.count', { n: materials.length }))} />
          <FormError message={error} />
          <DataTable caption={t('campaigns.materials.title')} columns={columns} rows={materials} rowKey={(m) => m.id} />
          {opened && (
            <DistributionRecords
              key={opened.id}
              campaignId={campaign.id}
              material={opened}
              onRemoved={(d) => {
                setNotice(t('campaigns.materials.recordRemoved', { n: d.quantity }));
                void reload();
              }}
            />
          )}
        </>
      )}
    </>
  );
}

/** Adds an item, or (given `material`) changes one; a print run below the copies handed out is refused beside it. */
function MaterialForm({ campaignId, material, onSaved, onCancel }: { campaignId: string; material?: Material; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<MaterialKind | ''>((material?.kind as MaterialKind | undefined) ?? '');
  const [title, setTitle] = useState(material?.title ?? '');
  const [language, setLanguage] = useState(material?.language ?? '');
  const [printRun, setPrintRun] = useState(material ? String(material.printRun) : '');
  const [printedOn, setPrintedOn] = useState(material?.printedOn ?? '');
  const [notes, setNotes] = useState(material?.notes ?? '');
  const { errors, busy, submit } = useApiForm(['kind', 'title', 'language', 'printRun', 'printedOn', 'notes'], { kind: t('cases.error.choose') });

  const label = material ? t('campaigns.materials.edit', { title: material.title }) : t('campaigns.materials.add');
  // A cleared optional field is removed when changing, and left out when adding.
  const optional = (v: string) => v.trim() || (material ? null : undefined);
  const body = { kind: kind || undefined, title: title.trim(), language: language.trim(), printRun: whole(printRun), printedOn: optional(printedOn), notes: optional(notes) };
  const save = (key: string) => (material ? updateMaterial(campaignId, material.id, body) : createMaterial(campaignId, body, key)).then(onSaved);

  return (
    <form className="panel form-section" onSubmit={(e) => void submit(e, save)} noValidate aria-label={label}>
      {material && <h3>{label}</h3>}
      <FormError message={errors.form} />
      <div className="field-pair">
        <SelectField<MaterialKind> label={t('campaigns.materials.kind')} value={kind} onChange={setKind} options={MATERIAL_KIND_IDS.map((k) => ({ value: k, label: kindLabel(t, k) }))} empty={t('cases.choose')} required error={errors.fields.kind} />
        <TextField label={t('campaigns.materials.itemTitle')} required value={title} onChange={setTitle} error={errors.fields.title} />
      </div>
      <div className="field-row">
        <TextField label={t('campaign.export.language')} hint={t('campaigns.materials.language.hint')} required spellCheck={false} autoCapitalize="none" value={language} onChange={setLanguage} error={errors.fields.language} />
        <TextField
          label={t('campaigns.materials.printRun')}
          hint={material?.distributed ? t('campaigns.materials.printRun.hint', { n: material.distributed }) : undefined}
          type="number"
          min={Math.max(1, material?.distributed ?? 0)}
          step={1}
          inputMode="numeric"
          required
          value={printRun}
          onChange={setPrintRun}
          error={errors.fields.printRun}
        />
        <DateField label={t('campaigns.materials.printedOn')} value={printedOn} onChange={setPrintedOn} error={errors.fields.printedOn} />
      </div>
      <TextAreaField label={t('campaigns.materials.notes')} value={notes} onChange={setNotes} error={errors.fields.notes} />
      <FormActions busy={busy} submitLabel={material ? t('campaigns.materials.save') : t('campaigns.materials.add')} onCancel={onCancel} />
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
      <FormActions busy={busy} submitLabel={t('campaigns.materials.record')} onCancel={onCancel} />
    </form>
  );
}

/**
 * An item's records of copies handed out, each removable (once the user confirms) when entered by
 * mistake. They are read again whenever the copies handed out change.
 */
function DistributionRecords({ campaignId, material, onRemoved }: { campaignId: string; material: Material; onRemoved(d: Distribution): void }) {
  const { t } = useI18n();
  const f = useFormat();
  const { n } = useFigures();
  const [records, setRecords] = useState<Distribution[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { dialog, busy, error, remove } = useRemoval();
  useEffect(() => {
    getMaterial(campaignId, material.id).then((m) => setRecords(m.distributions), (x: unknown) => setLoadError(describeError(t, x)));
  }, [campaignId, material.id, material.distributed, t]);

  const removeRecord = (d: Distribution) =>
    void remove(
      {
        title: t('campaigns.materials.removeRecord.title', { partner: d.partner, date: f.day(d.distributedOn), n: d.quantity }),
        message: t('campaigns.materials.removeRecord.text'),
        confirmLabel: t('campaigns.materials.removeRecord.button'),
      },
      () => deleteDistribution(campaignId, material.id, d.id).then(() => onRemoved(d)),
    );
  const columns: Column<Distribution>[] = [
    { label: t('campaigns.materials.partner'), rowHeader: true, cell: (d) => <><span className="cell-main">{d.partner}</span><span className="cell-sub">{t(`campaigns.materials.carrier.${d.partnerKind as CarrierKind}`)}</span></> },
    { label: t('campaign.export.place'), cell: (d) => <><span className="cell-main">{d.city ? `${d.place}, ${d.city}` : d.place}</span><span className="cell-sub">{t(`campaign.placeKind.${d.placeKind as PlaceKind}`)}</span></> },
    { label: t('campaigns.materials.distributedOn'), cell: (d) => f.day(d.distributedOn) },
    { label: t('campaign.export.copies'), className: 'numeric', cell: (d) => n(d.quantity) },
    {
      label: t('cases.actions'),
      actions: true,
      cell: (d) => (
        <button type="button" className="button secondary small" disabled={busy} aria-label={t('campaigns.materials.removeRecord', { partner: d.partner, date: f.day(d.distributedOn) })} onClick={() => removeRecord(d)}>
          {t('campaigns.materials.removeRecord.button')}
        </button>
      ),
    },
  ];
  const heading = t('campaigns.materials.records', { title: material.title });

  return (
    <section className="panel form-section" aria-labelledby={`records-${material.id}`}>
      <h3 id={`records-${material.id}`}>{heading}</h3>
      <FormError message={error ?? loadError} />
      {records?.length === 0 && <p className="hint">{t('campaigns.materials.records.none')}</p>}
      <DataTable compact caption={heading} columns={columns} rows={records ?? []} rowKey={(d) => d.id} />
      {dialog}
    </section>
  );
}

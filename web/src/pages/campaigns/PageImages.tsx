import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { deleteImage, listImages, uploadImage, type CampaignImage } from '../../api/campaigns.js';
import { FormError, Status, SubmitButton, TextField } from '../../components/forms.js';
import { CopyButton } from '../../components/OneTimeSecret.js';
import { WorkProgress } from '../../components/Progress.js';
import { useApiForm } from '../../components/useApiForm.js';
import { describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { useFigures } from '../statistics/FigureTable.js';
import { noErrors } from '../cases/labels.js';
import { useRemoval } from './useApiForm.js';

/** The server's limit; a larger file is refused here before it is sent. */
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif';

/**
 * Images for the campaign's pages: one is uploaded with its description and put into the text
 * where the cursor is (`onInsert`); those already uploaded are listed with their Markdown, to
 * insert or copy again, and can be removed.
 */
export function PageImages({ campaignId, onInsert }: { campaignId: string; onInsert(markdown: string): void }) {
  const { t } = useI18n();
  const { n } = useFigures();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [images, setImages] = useState<CampaignImage[]>([]);
  const [listError, setListError] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [notice, setNotice] = useState('');
  const { errors, setErrors, busy, submit } = useApiForm(['file', 'alt']);
  const { dialog, busy: removing, error: removeError, remove } = useRemoval();

  const load = useCallback(
    () =>
      listImages(campaignId).then(
        (page) => setImages(page.items),
        (e: unknown) => setListError(describeError(t, e)),
      ),
    [campaignId, t],
  );
  useEffect(() => void load(), [load]);

  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    setFile(e.target.files?.[0] ?? null);
    setErrors(noErrors);
  };

  const upload = async () => {
    setNotice('');
    // Refused here before anything is sent: no file, one over the server's limit, or no description.
    const fileProblem = !file ? t('campaigns.images.file.required') : file.size > MAX_BYTES ? t('campaigns.images.file.tooLarge') : undefined;
    const altProblem = alt.trim() ? undefined : t('campaigns.images.alt.required');
    if (!file || fileProblem || altProblem) return setErrors({ fields: { ...(fileProblem ? { file: fileProblem } : {}), ...(altProblem ? { alt: altProblem } : {}) } });
    const image = await uploadImage(campaignId, file, alt.trim());
    onInsert(image.markdown);
    setNotice(t('campaigns.images.inserted'));
    setFile(null);
    setAlt('');
    if (fileInput.current) fileInput.current.value = '';
    await load();
  };

  const question = { title: t('campaigns.images.remove.title'), message: t('campaigns.images.remove.text'), confirmLabel: t('campaigns.images.remove') };
  const fileError = errors.fields.file;
  const described = [`${id}-hint`, fileError ? `${id}-error` : ''].filter(Boolean).join(' ');

  return (
    <section className="panel page-images" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('campaigns.images.title')}</h3>
      <form onSubmit={(e) => void submit(e, upload)} noValidate aria-labelledby={`${id}-title`}>
        <FormError message={errors.form} />
        <Status message={notice} />
        <div className={`field${fileError ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-file`}>{t('campaigns.images.file')}</label>
          <p id={`${id}-hint`} className="hint">{t('campaigns.images.file.hint')}</p>
          {fileError && <p id={`${id}-error`} className="field-error">{fileError}</p>}
          <input ref={fileInput} id={`${id}-file`} type="file" accept={ACCEPT} disabled={busy} aria-invalid={fileError ? true : undefined} aria-describedby={described} onChange={choose} />
        </div>
        <TextField label={t('campaigns.images.alt')} hint={t('campaigns.images.alt.hint')} required maxLength={300} value={alt} onChange={setAlt} error={errors.fields.alt} />
        <div className="actions">
          <SubmitButton busy={busy}>{t('campaigns.images.upload')}</SubmitButton>
        </div>
        {busy && <WorkProgress label={t('campaigns.images.uploading')} />}
      </form>
      <h4>{t('campaigns.images.list')}</h4>
      <FormError message={listError ?? removeError} />
      {images.length === 0 ? (
        <p className="hint">{t('campaigns.images.none')}</p>
      ) : (
        <ul className="image-list">
          {images.map((image) => (
            <li key={image.id}>
              <img src={image.url} alt={image.alt ?? ''} width={image.width} height={image.height} loading="lazy" />
              <div>
                <code>{image.markdown}</code>
                <p className="hint">{t('campaigns.images.size', { width: n(image.width), height: n(image.height), kb: n(Math.ceil(image.bytes / 1024)) })}</p>
                <div className="actions">
                  <button type="button" className="button secondary small" aria-label={t('campaigns.images.insertNamed', { alt: image.alt ?? image.name })} onClick={() => onInsert(image.markdown)}>
                    {t('campaigns.images.insert')}
                  </button>
                  <CopyButton text={image.markdown} label={t('campaigns.images.copy')} />
                  <button
                    type="button"
                    className="button secondary small"
                    disabled={removing}
                    aria-label={t('campaigns.images.removeNamed', { alt: image.alt ?? image.name })}
                    onClick={() => void remove(question, () => deleteImage(campaignId, image.id).then(load))}
                  >
                    {t('campaigns.images.remove')}
                  </button>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {dialog}
    </section>
  );
}

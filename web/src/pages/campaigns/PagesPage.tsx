import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { getPage, getReport, listPages, previewPage, putPage, type Campaign, type CampaignPage, type CampaignReport } from '../../api/campaigns.js';
import { ApiError } from '../../api/client.js';
import { FormError, SelectField, Status, SubmitButton, TextAreaField, TextField } from '../../components/forms.js';
import { useApiForm } from '../../components/useApiForm.js';
import { describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { useFormat } from '../cases/fields.js';
import { FigureTable, useFigures } from '../statistics/FigureTable.js';
import { CampaignHeader, useCampaign } from './CampaignNav.js';
import { PageImages } from './PageImages.js';

/** Typing pauses this long before the preview is asked for. */
const PREVIEW_DELAY_MS = 400;

/** The text with `markdown` put in at `at` as a paragraph of its own, and where the cursor goes after it. */
function insertParagraph(text: string, at: number, markdown: string): { text: string; cursor: number } {
  const before = text.slice(0, at);
  const after = text.slice(at);
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after.startsWith('\n\n') ? '' : after.startsWith('\n') || after === '' ? '\n' : '\n\n';
  const inserted = `${lead}${markdown}${trail}`;
  return { text: before + inserted + after, cursor: before.length + inserted.length };
}

/**
 * The campaign's public pages, one per language: their visits (counted without cookies), and a
 * Markdown editor whose preview the server renders exactly as the public site will.
 */
export default function PagesPage({ params }: PageProps) {
  const { t } = useI18n();
  const f = useFormat();
  const { n } = useFigures();
  const { campaign, error: loadError, reload } = useCampaign(params.id!);
  const [pages, setPages] = useState<CampaignPage[]>([]);
  const [report, setReport] = useState<CampaignReport | null>(null);
  const [lang, setLang] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([listPages(params.id!), getReport(params.id!)]).then(
      ([list, figures]) => {
        setPages(list.items);
        setReport(figures);
      },
      (e: unknown) => setError(describeError(t, e)),
    );
  }, [params.id, t]);
  useEffect(load, [load]);

  const saved = () => {
    load();
    reload();
  };

  return (
    <>
      <CampaignHeader campaign={campaign} error={loadError} />
      {campaign && (
        <>
          <h2>{t('campaigns.pages.title')}</h2>
          <FormError message={error} />
          {report && (
            <FigureTable
              caption={t('campaigns.pages.visits')}
              rowHeader={t('campaign.export.language')}
              columns={[t('campaigns.pages.page'), t('campaign.export.pageViews'), t('campaign.export.uniqueVisitors')]}
              rows={campaign.languages.map((l) => {
                const page = pages.find((p) => p.lang === l);
                return {
                  key: l,
                  label: f.language(l),
                  muted: !page,
                  cells: [page ? <a href={page.path} target="_blank" rel="noopener">{page.title}</a> : t('campaigns.pages.none'), n(report.pageViews[l] ?? 0), n(report.uniqueVisitors[l] ?? 0)],
                };
              })}
              note={t('campaigns.pages.visits.hint')}
            />
          )}
          <div className="filters">
            <SelectField label={t('campaigns.pages.language')} value={lang} onChange={setLang} options={campaign.languages.map((l) => ({ value: l, label: f.language(l) }))} empty={t('cases.choose')} />
          </div>
          {lang && <PageEditor key={lang} campaign={campaign} lang={lang} onSaved={saved} />}
        </>
      )}
    </>
  );
}

function PageEditor({ campaign, lang, onSaved }: { campaign: Campaign; lang: string; onSaved(): void }) {
  const { t } = useI18n();
  const f = useFormat();
  const id = useId();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const { errors, busy, submit } = useApiForm(['title', 'body']);
  const bodyField = useRef<HTMLTextAreaElement>(null);
  const cursor = useRef<number | null>(null);
  const wasInText = useRef(false);

  useEffect(() => {
    getPage(campaign.id, lang).then(
      (page) => {
        setTitle(page.title);
        setBody(page.body);
        setLoaded(true);
      },
      (e: unknown) => {
        // No page in this language yet: the editor starts empty.
        if (e instanceof ApiError && e.status === 404) setLoaded(true);
        else setLoadError(describeError(t, e));
      },
    );
  }, [campaign.id, lang, t]);

  useEffect(() => {
    if (!loaded || !title.trim()) return setPreview(null);
    let current = true;
    const timer = setTimeout(() => {
      previewPage(campaign.id, lang, { title: title.trim(), body }).then(
        (p) => current && setPreview(p.html),
        () => current && setPreview(null),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [campaign.id, lang, title, body, loaded]);

  // The image goes where the cursor was in the text, or at the end if it was never there.
  useEffect(() => {
    const field = bodyField.current;
    const mark = () => (wasInText.current = true);
    field?.addEventListener('focus', mark);
    return () => field?.removeEventListener('focus', mark);
  }, [loaded]);
  const insertImage = (markdown: string) => {
    const field = bodyField.current;
    const at = field && wasInText.current ? field.selectionEnd : body.length;
    const next = insertParagraph(body, at, markdown);
    cursor.current = next.cursor;
    setBody(next.text);
  };

  useEffect(() => {
    if (cursor.current === null || !bodyField.current) return;
    bodyField.current.setSelectionRange(cursor.current, cursor.current);
    cursor.current = null;
  }, [body]);

  const save = async () => {
    setNotice('');
    await putPage(campaign.id, lang, { title: title.trim(), body });
    setNotice(t('campaigns.pages.saved', { language: f.language(lang) }));
    onSaved();
  };

  if (!loaded) {
    return (
      <>
        <FormError message={loadError} />
        <Status message={loadError ? '' : t('common.loading')} />
      </>
    );
  }
  return (
    <div className="page-editor">
      <div>
        <form onSubmit={(e) => void submit(e, save)} noValidate aria-label={t('campaigns.pages.editor', { language: f.language(lang) })}>
          <FormError message={errors.form} />
          <Status message={notice} />
          <TextField label={t('campaigns.pages.pageTitle')} required value={title} onChange={setTitle} error={errors.fields.title} />
          <TextAreaField ref={bodyField} label={t('campaigns.pages.body')} hint={t('campaigns.pages.body.hint')} rows={18} maxLength={100_000} value={body} onChange={setBody} error={errors.fields.body} />
          <div className="actions">
            <SubmitButton busy={busy}>{t('campaigns.pages.save')}</SubmitButton>
          </div>
        </form>
        <PageImages campaignId={campaign.id} onInsert={insertImage} />
      </div>
      <section className="panel page-preview" aria-labelledby={`${id}-preview`}>
        <h3 id={`${id}-preview`}>{t('campaigns.pages.preview')}</h3>
        {preview === null ? (
          <p className="hint">{t('campaigns.pages.preview.empty')}</p>
        ) : (
          <article lang={lang}>
            <p className="preview-title">{title}</p>
            {/* The server's rendering, made for the public page: raw HTML in the Markdown is shown as text, and only safe links and this site's images are kept. */}
            <div dangerouslySetInnerHTML={{ __html: preview }} />
          </article>
        )}
      </section>
    </div>
  );
}

import { useId } from 'react';
import { LOCALES, STAFF_LANGS } from '../../../../src/platform/i18n/locales.js';
import { SelectField } from '../../components/forms.js';
import { CopyButton } from '../../components/OneTimeSecret.js';
import { useI18n, type Lang } from '../../i18n/i18n.js';

interface NarrativeSectionProps {
  /** The paragraph, and the language it is in; null while it is being fetched. */
  narrative: { lang: Lang; text: string } | null;
  lang: Lang;
  onLangChange(lang: Lang): void;
}

/** The period's figures as the paragraph of a donor report, in the language the report is written in. */
export function NarrativeSection({ narrative, lang, onLangChange }: NarrativeSectionProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('statistics.narrative.title')}</h2>
      <div className="filters">
        <SelectField<Lang>
          label={t('statistics.narrative.language')}
          value={lang}
          onChange={(v) => v && onLangChange(v)}
          options={STAFF_LANGS.map((l) => ({ value: l, label: t(`statistics.narrative.lang.${l}`) }))}
        />
      </div>
      {narrative ? (
        <>
          <blockquote className="narrative" lang={LOCALES[narrative.lang].tag} aria-describedby={`${id}-hint`}>
            <p>{narrative.text}</p>
          </blockquote>
          <p id={`${id}-hint`} className="hint">{t('statistics.narrative.hint')}</p>
          <CopyButton text={narrative.text} label={t('statistics.narrative.copy')} />
        </>
      ) : (
        <p className="loading">{t('common.loading')}</p>
      )}
    </section>
  );
}

import { Heading } from '../components/Heading.js';
import { useI18n } from '../i18n/i18n.js';
import type { PageProps } from '../routes.js';

/** Stands in for a module's page until the module brings its own. */
export function ComingSoonPage({ title }: PageProps) {
  const { t } = useI18n();
  return (
    <>
      <Heading>{title}</Heading>
      <p className="lead">{t('comingSoon.text')}</p>
    </>
  );
}

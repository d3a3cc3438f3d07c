import { Heading } from '../components/Heading.js';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../router.js';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <Heading>{t('notFound.title')}</Heading>
      <p className="lead">{t('notFound.text')}</p>
      <p><Link to="/">{t('common.toStart')}</Link></p>
    </>
  );
}

export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <>
      <Heading>{t('forbidden.title')}</Heading>
      <p className="lead">{t('forbidden.text')}</p>
      <p><Link to="/">{t('common.toStart')}</Link></p>
    </>
  );
}

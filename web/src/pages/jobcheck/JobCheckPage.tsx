import { Heading } from '../../components/Heading.js';
import { useI18n } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { JobCheckPanel } from './JobCheckPanel.js';

/** The job-offer check on a page of its own, for a call about an offer: paste, Ctrl+Enter, read out. */
export default function JobCheckPage({ title }: PageProps) {
  const { t } = useI18n();
  return (
    <>
      <Heading>{title}</Heading>
      <p className="lead">{t('jobCheck.lead')}</p>
      <p>
        <Link to="/agencies">{t('jobCheck.toRegister')}</Link>
      </p>
      <section className="panel">
        <JobCheckPanel autoFocus />
      </section>
    </>
  );
}

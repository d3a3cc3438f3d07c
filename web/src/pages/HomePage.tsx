import { Heading } from '../components/Heading.js';
import { useI18n } from '../i18n/i18n.js';
import { menuFor } from '../routes.js';
import { Link } from '../router.js';
import { useSignedIn } from '../session.js';

export function HomePage() {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const destinations = menuFor(user.roles);
  return (
    <>
      <Heading>{t('home.welcome', { name: user.name })}</Heading>
      {destinations.length ? (
        <ul className="cards">
          {destinations.map((r) => (
            <li key={r.path} className="card">
              <Link to={r.path} className="card-link">{t(r.title)}</Link>
              {r.description && <p>{t(r.description)}</p>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="lead">{t('home.nothing')}</p>
      )}
    </>
  );
}

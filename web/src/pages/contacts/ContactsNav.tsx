import { useI18n } from '../../i18n/i18n.js';
import { findRoute, mayOpen } from '../../routes.js';
import { Link, usePath } from '../../router.js';
import { useSignedIn } from '../../session.js';

const SECTION = ['/contacts', '/contacts/new', '/contacts/import', '/contacts/dashboard'];

/** The helpline's pages, as far as the reader's roles open them; the main menu holds only the first. */
export function ContactsNav() {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const path = usePath();
  const pages = SECTION.map((p) => findRoute(p)!.route).filter((r) => mayOpen(r, user.roles));
  return (
    <nav className="section-nav" aria-label={t('contacts.nav')}>
      <ul>
        {pages.map((r) => (
          // Each entry is current on its own page only, not on the pages below /contacts.
          <li key={r.path}>
            <Link to={r.path} aria-current={path === r.path ? 'page' : undefined}>{t(r.title)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

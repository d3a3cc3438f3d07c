import { useId, type ReactNode } from 'react';
import { LANGUAGES, useI18n, type Lang } from '../i18n/i18n.js';
import { menuFor } from '../routes.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';

function LanguagePicker() {
  const { t, lang, setLang } = useI18n();
  const id = useId();
  return (
    <div className="language-picker">
      <label htmlFor={id} className="visually-hidden">{t('layout.language')}</label>
      <select id={id} value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>{l.name}</option>
        ))}
      </select>
    </div>
  );
}

/** The frame of every page: skip link, header with the role's menu, and the main region. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { session, signOut } = useSession();
  // While a password change or two-factor set-up is pending, only the account step is reachable.
  const full = session && !session.restriction ? session : null;
  const menu = full ? menuFor(full.user.roles) : [];

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('layout.skip')}
      </a>
      <header className="site-header">
        <div className="header-bar">
          {full ? <Link to="/" className="brand">Labour Justice</Link> : <span className="brand">Labour Justice</span>}
          <div className="header-tools">
            <LanguagePicker />
            {full && <Link to="/account" className="header-link">{t('layout.account')}</Link>}
            {session && (
              <button type="button" className="header-button" onClick={() => void signOut()}>
                {t('auth.signOut')}
              </button>
            )}
          </div>
        </div>
        {menu.length > 0 && (
          <nav className="main-menu" aria-label={t('layout.menu')}>
            <ul>
              {menu.map((r) => (
                <li key={r.path}>
                  <Link to={r.path}>{t(r.title)}</Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

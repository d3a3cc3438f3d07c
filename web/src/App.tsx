import { Suspense } from 'react';
import { Layout } from './components/Layout.js';
import { useI18n } from './i18n/i18n.js';
import { ChangePasswordPage } from './pages/account/ChangePasswordPage.js';
import { MfaEnrolmentPage } from './pages/account/MfaEnrolmentPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { ForbiddenPage, NotFoundPage } from './pages/StatusPages.js';
import { findRoute, mayOpen } from './routes.js';
import { usePath } from './router.js';
import { useSession } from './session.js';
import type { Session } from './api/auth.js';

function Loading() {
  const { t } = useI18n();
  return <p className="loading" role="status">{t('common.loading')}</p>;
}

function RoutedPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const path = usePath();
  const found = findRoute(path);
  if (!found) return <NotFoundPage />;
  if (!mayOpen(found.route, session.user.roles)) return <ForbiddenPage />;
  const Page = found.route.page;
  return (
    <Suspense fallback={<Loading />}>
      <Page key={found.route.path} params={found.params} title={t(found.route.title)} />
    </Suspense>
  );
}

/** Which page shows: sign-in, a pending account step, or the page of the address. */
function Content() {
  const { session } = useSession();
  if (session === undefined) return <Loading />;
  if (session === null) return <SignInPage />;
  if (session.restriction === 'password_change') return <ChangePasswordPage />;
  if (session.restriction === 'mfa_enrolment') return <MfaEnrolmentPage />;
  return <RoutedPage session={session} />;
}

export function App() {
  return (
    <Layout>
      <Content />
    </Layout>
  );
}

import { lazy, type ComponentType } from 'react';
import type { MessageKey } from './i18n/i18n.js';
import { AccountPage } from './pages/account/AccountPage.js';
import { MfaEnrolmentPage } from './pages/account/MfaEnrolmentPage.js';
import { HomePage } from './pages/HomePage.js';
import { matchPath } from './router.js';
import type { Role } from './roles.js';

export interface PageProps {
  /** The values of the route's `:name` segments. */
  params: Record<string, string>;
  /** The route's title in the reader's language. */
  title: string;
}

export interface AppRoute {
  /** Below /app, with `:name` segments for values (`/cases/:id`). */
  path: string;
  /** The page's heading and its menu entry. */
  title: MessageKey;
  /** Roles that may open it; 'any' for every signed-in user. Only a hint to the reader: the API decides. */
  roles: readonly Role[] | 'any';
  /** Shown in the main menu to those roles. */
  menu?: boolean;
  /** One-line description on the start page. */
  description?: MessageKey;
  page: ComponentType<PageProps>;
}

/**
 * Every page of the staff app. A module adds its pages here, lazily loaded so each role downloads
 * only the code it opens; the menu and the access checks follow from this table.
 */
export const ROUTES: readonly AppRoute[] = [
  { path: '/', title: 'home.title', roles: 'any', page: HomePage },
  { path: '/account', title: 'account.title', roles: 'any', page: AccountPage },
  { path: '/account/two-factor', title: 'auth.enrolTwoFactor', roles: 'any', page: MfaEnrolmentPage },
  { path: '/contacts', title: 'nav.contacts', description: 'nav.contacts.description', roles: ['hotline', 'caseworker', 'coordinator'], menu: true, page: lazy(() => import('./pages/contacts/QueuePage.js')) },
  { path: '/contacts/new', title: 'contacts.new.title', roles: ['hotline', 'caseworker'], page: lazy(() => import('./pages/contacts/ContactFormPage.js')) },
  { path: '/contacts/import', title: 'contacts.import.title', roles: ['hotline', 'coordinator'], page: lazy(() => import('./pages/contacts/ImportPage.js')) },
  { path: '/contacts/dashboard', title: 'contacts.dashboard.title', roles: ['hotline', 'caseworker', 'coordinator'], page: lazy(() => import('./pages/contacts/DashboardPage.js')) },
  // After the fixed paths above, which it would otherwise swallow.
  { path: '/contacts/:id', title: 'contacts.contact', roles: ['hotline', 'caseworker', 'coordinator'], page: lazy(() => import('./pages/contacts/ContactPage.js')) },
  // The check is public (CONTRACT.md): every staff role may run it, as anyone may on /L/check.
  { path: '/job-check', title: 'nav.jobCheck', description: 'nav.jobCheck.description', roles: 'any', menu: true, page: lazy(() => import('./pages/jobcheck/JobCheckPage.js')) },
  { path: '/agencies', title: 'agencies.title', roles: 'any', page: lazy(() => import('./pages/jobcheck/AgenciesPage.js')) },
  { path: '/agencies/import', title: 'agencies.import.title', roles: ['coordinator', 'admin'], page: lazy(() => import('./pages/jobcheck/AgencyImportPage.js')) },
  { path: '/cases', title: 'nav.cases', description: 'nav.cases.description', roles: ['caseworker', 'coordinator'], menu: true, page: lazy(() => import('./pages/cases/CasesPage.js')) },
  { path: '/cases/new', title: 'cases.new', roles: ['caseworker'], page: lazy(() => import('./pages/cases/NewCasePage.js')) },
  // After /cases/new, which it would otherwise swallow.
  { path: '/cases/:id', title: 'cases.file', roles: ['caseworker', 'coordinator'], page: lazy(() => import('./pages/cases/CasePage.js')) },
  { path: '/cases/:id/identification', title: 'identification.title', roles: ['caseworker'], page: lazy(() => import('./pages/cases/IdentificationPage.js')) },
  { path: '/follow-ups', title: 'cases.followUps.title', description: 'cases.followUps.description', roles: ['caseworker'], menu: true, page: lazy(() => import('./pages/cases/FollowUpsPage.js')) },
  { path: '/partners', title: 'cases.partners.title', description: 'cases.partners.description', roles: ['caseworker', 'coordinator'], menu: true, page: lazy(() => import('./pages/partners/PartnersPage.js')) },
  { path: '/statistics', title: 'nav.statistics', description: 'nav.statistics.description', roles: ['coordinator'], menu: true, page: lazy(() => import('./pages/statistics/StatisticsPage.js')) },
  { path: '/campaigns', title: 'nav.campaigns', description: 'nav.campaigns.description', roles: ['coordinator', 'campaign'], menu: true, page: lazy(() => import('./pages/campaigns/CampaignsPage.js')) },
  { path: '/campaigns/new', title: 'campaigns.new.title', roles: ['coordinator', 'campaign'], page: lazy(() => import('./pages/campaigns/CampaignFormPage.js')) },
  { path: '/campaigns/stakeholders', title: 'campaigns.stakeholders.title', roles: ['coordinator', 'campaign'], page: lazy(() => import('./pages/campaigns/StakeholdersPage.js')) },
  // After /campaigns/new and /campaigns/stakeholders, which it would otherwise swallow.
  { path: '/campaigns/:id', title: 'campaigns.tab.posts', roles: ['coordinator', 'campaign'], page: lazy(() => import('./pages/campaigns/PostsPage.js')) },
  { path: '/campaigns/:id/edit', title: 'campaigns.tab.edit', roles: ['coordinator', 'campaign'], page: lazy(() => import('./pages/campaigns/CampaignFormPage.js').then((m) => ({ default: m.EditCampaignPage }))) },
  { path: '/campaigns/:id/import', title: 'campaigns.tab.import', roles: ['coordinator', 'campaign'], page: lazy(() => import('./pages/campaigns/PostImportPage.js')) },
  { path: '/campaigns/:id/report', title: 'campaigns.tab.report', roles: ['coordinator', 'campaign'], page: lazy(() => import('./pages/campaigns/ReportPage.js')) },
  { path: '/campaigns/:id/pages', title: 'campaigns.tab.pages', roles: ['coordinator', 'campaign'], page: lazy(() => import('./pages/campaigns/PagesPage.js')) },
  { path: '/campaigns/:id/materials', title: 'campaigns.tab.materials', roles: ['coordinator', 'campaign'], page: lazy(() => import('./pages/campaigns/MaterialsPage.js')) },
  { path: '/campaigns/:id/events', title: 'campaigns.tab.events', roles: ['coordinator', 'campaign'], page: lazy(() => import('./pages/campaigns/EventsPage.js')) },
  { path: '/campaigns/:id/recommendations', title: 'campaigns.tab.recommendations', roles: ['coordinator', 'campaign'], page: lazy(() => import('./pages/campaigns/RecommendationsPage.js')) },
  { path: '/users', title: 'nav.users', description: 'nav.users.description', roles: ['admin'], menu: true, page: lazy(() => import('./pages/users/UsersPage.js')) },
  { path: '/audit', title: 'nav.auditTrail', description: 'nav.auditTrail.description', roles: ['admin'], menu: true, page: lazy(() => import('./pages/audit/AuditPage.js')) },
];

export const mayOpen = (route: AppRoute, roles: readonly Role[]): boolean => route.roles === 'any' || route.roles.some((r) => roles.includes(r));

export const menuFor = (roles: readonly Role[]): AppRoute[] => ROUTES.filter((r) => r.menu && mayOpen(r, roles));

export function findRoute(path: string): { route: AppRoute; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

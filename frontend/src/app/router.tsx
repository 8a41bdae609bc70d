import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AppLayout } from '@/components/layout/app-layout';
import { PublicLayout } from '@/components/layout/public-layout';
import { LoadingState } from '@/components/ui/states';
import { AccountPage } from '@/features/account/components/account-page';
import { AdaptationDetailPage } from '@/features/adaptations/components/adaptation-detail-page';
import { EditAdaptationPage, NewAdaptationPage } from '@/features/adaptations/components/adaptation-form-page';
import { AdaptationsPage } from '@/features/adaptations/components/adaptations-page';
import { LineagePage } from '@/features/adaptations/components/lineage-page';
import { ProductsPage } from '@/features/adaptations/components/products-page';
import { AdminLayout } from '@/features/admin/components/admin-layout';
import { OrganisationsPage } from '@/features/admin/components/organisations-page';
import { UsersPage } from '@/features/admin/components/users-page';
import { AcceptInvitationPage } from '@/features/auth/components/accept-invitation-page';
import { RequireAdmin, RequireAuth } from '@/features/auth/components/require-auth';
import { SignInPage } from '@/features/auth/components/sign-in-page';
import { AuditPage } from '@/features/dashboard/components/audit-page';
import { DashboardPage } from '@/features/dashboard/components/dashboard-page';
import { PracticeEditorPage } from '@/features/practices/components/practice-editor';
import { PracticesCatalogue } from '@/features/practices/components/practices-catalogue';
import { PublicCataloguePage } from '@/features/practices/components/public-catalogue-page';
import { PublicPracticePage } from '@/features/practices/components/public-practice-page';
import { MembersTab } from '@/features/programmes/components/members-tab';
import { ProgrammeOverview } from '@/features/programmes/components/programme-overview';
import { ProgrammePage } from '@/features/programmes/components/programme-page';
import { ProgrammesPage } from '@/features/programmes/components/programmes-page';
import { NotificationBell } from '@/features/review/components/notification-bell';
import { NotificationPreferencesSection } from '@/features/review/components/notification-preferences-form';
import { NotificationsPage } from '@/features/review/components/notifications-page';
import { PracticeReviewsPage } from '@/features/review/components/practice-reviews-page';
import { ReviewFormPage } from '@/features/review/components/review-form-page';
import { ReviewsInbox } from '@/features/review/components/reviews-inbox';
import { RoundPage } from '@/features/rounds/components/round-page';
import { RoundsTab } from '@/features/rounds/components/rounds-tab';
import { RubricsTab } from '@/features/rounds/components/rubrics-tab';
import { useSession } from '@/lib/session';
import { navItems, programmeTabs } from './navigation';
import { PracticeRoute } from './routes/practice-route';
import { NotFoundPage } from './routes/not-found';
import { RouteError } from './routes/route-error';

/** The frame for pages anyone may reach (the 404 page, the public catalogue): the app's when signed in. */
function AdaptiveLayout({ wide = false }: { wide?: boolean }) {
  const { status } = useSession();
  if (status === 'restoring') return <LoadingState />;
  return status === 'authenticated' ? <AppLayout navItems={navItems} headerTools={<NotificationBell />} /> : <PublicLayout wide={wide} />;
}

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/programmes" replace /> },
      {
        element: <PublicLayout />,
        children: [
          { path: 'login', element: <SignInPage /> },
          { path: 'invitations/:token', element: <AcceptInvitationPage /> },
        ],
      },
      {
        element: (
          <RequireAuth>
            <AppLayout navItems={navItems} headerTools={<NotificationBell />} />
          </RequireAuth>
        ),
        children: [
          { path: 'programmes', element: <ProgrammesPage /> },
          {
            path: 'programmes/:id',
            element: <ProgrammePage tabs={programmeTabs} />,
            children: [
              { index: true, element: <ProgrammeOverview /> },
              { path: 'practices', element: <PracticesCatalogue /> },
              { path: 'members', element: <MembersTab /> },
              { path: 'rounds', element: <RoundsTab /> },
              { path: 'rubrics', element: <RubricsTab /> },
              { path: 'adaptations', element: <AdaptationsPage /> },
              { path: 'products', element: <ProductsPage /> },
              { path: 'dashboard', element: <DashboardPage /> },
              { path: 'audit', element: <AuditPage /> },
            ],
          },
          { path: 'programmes/:id/practices/new', element: <PracticeEditorPage mode="new" notFound={<NotFoundPage />} /> },
          { path: 'practices/:id', element: <PracticeRoute /> },
          { path: 'practices/:id/edit', element: <PracticeEditorPage mode="edit" notFound={<NotFoundPage />} /> },
          { path: 'practices/:id/reviews', element: <PracticeReviewsPage /> },
          { path: 'reviews', element: <ReviewsInbox /> },
          { path: 'reviews/:assignmentId', element: <ReviewFormPage /> },
          { path: 'rounds/:roundId', element: <RoundPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'programmes/:id/adaptations/new', element: <NewAdaptationPage /> },
          { path: 'adaptations/:id', element: <AdaptationDetailPage /> },
          { path: 'adaptations/:id/edit', element: <EditAdaptationPage /> },
          { path: 'practices/:id/lineage', element: <LineagePage /> },
          {
            path: 'admin',
            element: (
              <RequireAdmin fallback={<NotFoundPage />}>
                <AdminLayout />
              </RequireAdmin>
            ),
            children: [
              { index: true, element: <Navigate to="/admin/organisations" replace /> },
              { path: 'organisations', element: <OrganisationsPage /> },
              { path: 'users', element: <UsersPage /> },
            ],
          },
          { path: 'account', element: <AccountPage extraSections={<NotificationPreferencesSection />} /> },
        ],
      },
      {
        element: <AdaptiveLayout wide />,
        children: [
          { path: 'catalogue', element: <PublicCataloguePage /> },
          { path: 'catalogue/:id', element: <PublicPracticePage /> },
        ],
      },
      {
        element: <AdaptiveLayout />,
        children: [{ path: '*', element: <NotFoundPage /> }],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}

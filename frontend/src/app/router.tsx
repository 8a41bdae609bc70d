import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AppLayout } from '@/components/layout/app-layout';
import { PublicLayout } from '@/components/layout/public-layout';
import { LoadingState } from '@/components/ui/states';
import { RequireAdmin, RequireAuth } from '@/features/auth/components/require-auth';
import { NotificationBell } from '@/features/review/components/notification-bell';
import { useSession } from '@/lib/session';
import { navItems, programmeTabs } from './navigation';
import { NotFoundPage } from './routes/not-found';
import { RouteError } from './routes/route-error';
import { lazyPage } from './lazy-page';

// Every page is a chunk of its own, fetched when first shown (the layouts and the header stay eager).
const ActivitiesTab = lazyPage(() => import('@/features/activities/components/activities-tab').then((m) => m.ActivitiesTab));
const ActivityPage = lazyPage(() => import('@/features/activities/components/activity-page').then((m) => m.ActivityPage));
const CalendarFeedSection = lazyPage(() => import('@/features/activities/components/calendar-feed-section').then((m) => m.CalendarFeedSection));
const PrivacyPage = lazyPage(() => import('@/features/account/components/privacy-page').then((m) => m.PrivacyPage));
const ForgotPasswordPage = lazyPage(() => import('@/features/auth/components/forgot-password-page').then((m) => m.ForgotPasswordPage));
const ResetPasswordPage = lazyPage(() => import('@/features/auth/components/reset-password-page').then((m) => m.ResetPasswordPage));
const AccountPage = lazyPage(() => import('@/features/account/components/account-page').then((m) => m.AccountPage));
const AdaptationDetailPage = lazyPage(() => import('@/features/adaptations/components/adaptation-detail-page').then((m) => m.AdaptationDetailPage));
const EditAdaptationPage = lazyPage(() => import('@/features/adaptations/components/adaptation-form-page').then((m) => m.EditAdaptationPage));
const NewAdaptationPage = lazyPage(() => import('@/features/adaptations/components/adaptation-form-page').then((m) => m.NewAdaptationPage));
const AdaptationsPage = lazyPage(() => import('@/features/adaptations/components/adaptations-page').then((m) => m.AdaptationsPage));
const LineagePage = lazyPage(() => import('@/features/adaptations/components/lineage-page').then((m) => m.LineagePage));
const ProductsPage = lazyPage(() => import('@/features/adaptations/components/products-page').then((m) => m.ProductsPage));
const AdminLayout = lazyPage(() => import('@/features/admin/components/admin-layout').then((m) => m.AdminLayout));
const OrganisationsPage = lazyPage(() => import('@/features/admin/components/organisations-page').then((m) => m.OrganisationsPage));
const UsersPage = lazyPage(() => import('@/features/admin/components/users-page').then((m) => m.UsersPage));
const AcceptInvitationPage = lazyPage(() => import('@/features/auth/components/accept-invitation-page').then((m) => m.AcceptInvitationPage));
const SignInPage = lazyPage(() => import('@/features/auth/components/sign-in-page').then((m) => m.SignInPage));
const CallsTab = lazyPage(() => import('@/features/calls/components/calls-tab').then((m) => m.CallsTab));
const AuditPage = lazyPage(() => import('@/features/dashboard/components/audit-page').then((m) => m.AuditPage));
const DashboardPage = lazyPage(() => import('@/features/dashboard/components/dashboard-page').then((m) => m.DashboardPage));
const LearningMapPage = lazyPage(() => import('@/features/learning/components/learning-map-page').then((m) => m.LearningMapPage));
const LearningProfilePage = lazyPage(() => import('@/features/learning/components/learning-profile-page').then((m) => m.LearningProfilePage));
const MatchesPage = lazyPage(() => import('@/features/learning/components/matches-page').then((m) => m.MatchesPage));
const PracticeEditorPage = lazyPage(() => import('@/features/practices/components/practice-editor').then((m) => m.PracticeEditorPage));
const PracticesCatalogue = lazyPage(() => import('@/features/practices/components/practices-catalogue').then((m) => m.PracticesCatalogue));
const PublicCataloguePage = lazyPage(() => import('@/features/practices/components/public-catalogue-page').then((m) => m.PublicCataloguePage));
const PublicPracticePage = lazyPage(() => import('@/features/practices/components/public-practice-page').then((m) => m.PublicPracticePage));
const MembersTab = lazyPage(() => import('@/features/programmes/components/members-tab').then((m) => m.MembersTab));
const ProgrammeOverview = lazyPage(() => import('@/features/programmes/components/programme-overview').then((m) => m.ProgrammeOverview));
const ProgrammePage = lazyPage(() => import('@/features/programmes/components/programme-page').then((m) => m.ProgrammePage));
const ProgrammesPage = lazyPage(() => import('@/features/programmes/components/programmes-page').then((m) => m.ProgrammesPage));
const DiscussionPanel = lazyPage(() => import('@/features/review/components/discussion-panel').then((m) => m.DiscussionPanel));
const NotificationPreferencesSection = lazyPage(() => import('@/features/review/components/notification-preferences-form').then((m) => m.NotificationPreferencesSection));
const NotificationsPage = lazyPage(() => import('@/features/review/components/notifications-page').then((m) => m.NotificationsPage));
const PracticeReviewsPage = lazyPage(() => import('@/features/review/components/practice-reviews-page').then((m) => m.PracticeReviewsPage));
const ReviewFormPage = lazyPage(() => import('@/features/review/components/review-form-page').then((m) => m.ReviewFormPage));
const BiddingPage = lazyPage(() => import('@/features/review/components/bidding-page').then((m) => m.BiddingPage));
const ReviewsInbox = lazyPage(() => import('@/features/review/components/reviews-inbox').then((m) => m.ReviewsInbox));
const ReportPage = lazyPage(() => import('@/features/report/components/report-page').then((m) => m.ReportPage));
const PracticeSheetPage = lazyPage(() => import('@/features/report/components/practice-sheet-page').then((m) => m.PracticeSheetPage));
const RoundPage = lazyPage(() => import('@/features/rounds/components/round-page').then((m) => m.RoundPage));
const RoundsTab = lazyPage(() => import('@/features/rounds/components/rounds-tab').then((m) => m.RoundsTab));
const RubricsTab = lazyPage(() => import('@/features/rounds/components/rubrics-tab').then((m) => m.RubricsTab));
const PracticeRoute = lazyPage(() => import('./routes/practice-route').then((m) => m.PracticeRoute));

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
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
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
              { path: 'calls', element: <CallsTab /> },
              { path: 'activities', element: <ActivitiesTab /> },
              { path: 'learning', element: <LearningProfilePage /> },
              { path: 'matches', element: <MatchesPage /> },
              { path: 'learning-map', element: <LearningMapPage /> },
              { path: 'members', element: <MembersTab /> },
              { path: 'rounds', element: <RoundsTab /> },
              { path: 'rubrics', element: <RubricsTab /> },
              { path: 'adaptations', element: <AdaptationsPage /> },
              { path: 'products', element: <ProductsPage /> },
              { path: 'dashboard', element: <DashboardPage /> },
              { path: 'report', element: <ReportPage /> },
              { path: 'audit', element: <AuditPage /> },
            ],
          },
          { path: 'programmes/:id/practices/new', element: <PracticeEditorPage mode="new" notFound={<NotFoundPage />} /> },
          { path: 'practices/:id', element: <PracticeRoute /> },
          { path: 'practices/:id/edit', element: <PracticeEditorPage mode="edit" notFound={<NotFoundPage />} /> },
          { path: 'practices/:id/reviews', element: <PracticeReviewsPage /> },
          { path: 'practices/:id/sheet', element: <PracticeSheetPage /> },
          { path: 'reviews', element: <ReviewsInbox /> },
          { path: 'reviews/:assignmentId', element: <ReviewFormPage /> },
          {
            path: 'rounds/:roundId',
            element: <RoundPage practiceDiscussion={(roundId, practiceId) => <DiscussionPanel roundId={roundId} practiceId={practiceId} headingLevel={3} />} />,
          },
          { path: 'rounds/:roundId/bidding', element: <BiddingPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'activities/:id', element: <ActivityPage /> },
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
          {
            path: 'account',
            element: (
              <AccountPage
                extraSections={
                  <>
                    <NotificationPreferencesSection />
                    <CalendarFeedSection />
                  </>
                }
              />
            ),
          },
        ],
      },
      {
        element: <AdaptiveLayout wide />,
        children: [
          { path: 'catalogue', element: <PublicCataloguePage /> },
          { path: 'catalogue/:id', element: <PublicPracticePage /> },
          { path: 'privacy', element: <PrivacyPage /> },
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

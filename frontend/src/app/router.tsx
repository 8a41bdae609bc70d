import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AppLayout } from '@/components/layout/app-layout';
import { PublicLayout } from '@/components/layout/public-layout';
import { LoadingState } from '@/components/ui/states';
import { AccountPage } from '@/features/account/components/account-page';
import { AdminLayout } from '@/features/admin/components/admin-layout';
import { OrganisationsPage } from '@/features/admin/components/organisations-page';
import { UsersPage } from '@/features/admin/components/users-page';
import { AcceptInvitationPage } from '@/features/auth/components/accept-invitation-page';
import { RequireAdmin, RequireAuth } from '@/features/auth/components/require-auth';
import { SignInPage } from '@/features/auth/components/sign-in-page';
import { MembersTab } from '@/features/programmes/components/members-tab';
import { ProgrammeOverview } from '@/features/programmes/components/programme-overview';
import { ProgrammePage } from '@/features/programmes/components/programme-page';
import { ProgrammesPage } from '@/features/programmes/components/programmes-page';
import { useSession } from '@/lib/session';
import { navItems, programmeTabs } from './navigation';
import { NotFoundPage } from './routes/not-found';
import { RouteError } from './routes/route-error';

/** The frame for pages anyone may reach (the 404 page): the app's when signed in. */
function AdaptiveLayout() {
  const { status } = useSession();
  if (status === 'restoring') return <LoadingState />;
  return status === 'authenticated' ? <AppLayout navItems={navItems} /> : <PublicLayout />;
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
            <AppLayout navItems={navItems} />
          </RequireAuth>
        ),
        children: [
          { path: 'programmes', element: <ProgrammesPage /> },
          {
            path: 'programmes/:id',
            element: <ProgrammePage tabs={programmeTabs} />,
            children: [
              { index: true, element: <ProgrammeOverview /> },
              { path: 'members', element: <MembersTab /> },
            ],
          },
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
          { path: 'account', element: <AccountPage /> },
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

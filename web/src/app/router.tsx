import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { BootSplash } from '../layout/BootSplash';
import { RequireAuth } from '../layout/RequireAuth';
import { RouteError } from '../layout/RouteError';
import { features } from './extensions';

/**
 * Data-mode router. The shell and sign-in are small and eager; every page is a lazy route (its own
 * chunk), contributed by the feature modules found in `extensions.ts`.
 */
export function buildRoutes(): RouteObject[] {
  // A page that fails (its API refuses the caller, its code did not load) shows why inside the shell.
  const inShell = <RouteError inShell />;
  const appRoutes = features.flatMap((f) => f.appRoutes ?? []).map((r) => ({ errorElement: inShell, ...r }));
  const publicRoutes = features.flatMap((f) => f.publicRoutes ?? []);
  return [
    {
      path: '/sign-in',
      lazy: async () => ({ Component: (await import('../features/auth/SignInPage')).SignInPage }),
      errorElement: <RouteError />,
      hydrateFallbackElement: <BootSplash />,
    },
    {
      path: '/',
      element: <RequireAuth />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <BootSplash />,
      children: [
        {
          lazy: async () => ({ Component: (await import('../layout/AppShell')).AppShell }),
          errorElement: <RouteError />,
          children: [
            {
              index: true,
              errorElement: inShell,
              lazy: async () => ({ Component: (await import('../layout/RoleHome')).RoleHome }),
            },
            {
              path: 'account',
              errorElement: inShell,
              lazy: async () => ({ Component: (await import('../layout/AccountPage')).AccountPage }),
            },
            ...appRoutes,
            { path: '*', lazy: async () => ({ Component: (await import('../layout/NotFound')).NotFound }) },
          ],
        },
      ],
    },
    ...publicRoutes,
    { path: '/index.html', element: <Navigate to="/" replace /> },
  ];
}

export function createRouter() {
  return createBrowserRouter(buildRoutes());
}

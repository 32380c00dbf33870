import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../app/services';

/** Pages behind sign-in: without a session, go to sign-in and come back here afterwards. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

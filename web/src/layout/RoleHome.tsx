import { Navigate } from 'react-router';
import { homePathFor } from '../app/extensions';
import { useSession } from '../app/services';

/** `/` sends each person to their main work: officers home, reviewers their inbox, secretariat campaigns. */
export function RoleHome() {
  const session = useSession();
  return <Navigate to={homePathFor(session?.claims.roles ?? [])} replace />;
}

import { Navigate } from 'react-router';
import { homePathFor } from '../app/extensions';
import { useSession } from '../app/services';
import { workspaceContextOf } from '../auth/workspace';

/** `/` sends each person to their main work: officers home, reviewers their inbox, secretariat campaigns. */
export function RoleHome() {
  const session = useSession();
  return <Navigate to={homePathFor(workspaceContextOf(session?.claims))} replace />;
}

import { useQuery } from '@tanstack/react-query';
import { useApi } from '../app/services';

/** What the header shows of the caller (name, title, unit); parsed by hand to keep zod out of the shell. */
export interface ShellMe {
  name: string;
  title: string;
  unitName: string;
  /** The tenant's root unit (the province): the first of the unit's ancestors, or the unit itself. */
  rootUnitId: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const rec = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

export const shellMeParser = {
  parse(input: unknown): ShellMe {
    const body = rec(input);
    const user = rec(body.user);
    const unit = rec(body.unit);
    const path = Array.isArray(unit.path) ? unit.path : [];
    return {
      name: str(user.name),
      title: str(user.title),
      unitName: str(unit.name),
      rootUnitId: str(path[0]) || str(unit.id),
    };
  },
};

export function useShellMe() {
  const api = useApi();
  return useQuery({
    queryKey: ['me', 'shell'],
    queryFn: () => api.get('/me', shellMeParser),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

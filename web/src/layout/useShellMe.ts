import { useQuery } from '@tanstack/react-query';
import { useApi } from '../app/services';

/** What the header shows of the caller (name, title, unit). */
export interface ShellMe {
  name: string;
  title: string;
  unitName: string;
  /** The tenant's root unit (the province): the first of the unit's ancestors, or the unit itself. */
  rootUnitId: string;
}

export function useShellMe() {
  const api = useApi();
  return useQuery({
    queryKey: ['me', 'shell'],
    queryFn: async (): Promise<ShellMe> => {
      // The contract (and zod with it) loads beside the first page, not in the shell's initial script.
      const { getMe } = await import('@thidua/shared/contracts');
      const me = await api.call(getMe);
      return {
        name: me.user?.name ?? '',
        title: me.user?.title ?? '',
        unitName: me.unit?.name ?? '',
        rootUnitId: me.unit?.path[0] ?? me.unit?.id ?? '',
      };
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

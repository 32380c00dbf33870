import { useQuery } from '@tanstack/react-query';
import { useApi } from '../app/services';

/** What the header shows of the caller (name, title, unit); parsed by hand to keep zod out of the shell. */
export interface ShellMe {
  name: string;
  title: string;
  unitName: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const rec = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

export const shellMeParser = {
  parse(input: unknown): ShellMe {
    const body = rec(input);
    const user = rec(body.user);
    return { name: str(user.name), title: str(user.title), unitName: str(rec(body.unit).name) };
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

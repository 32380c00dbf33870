import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { ApiClient } from '../api/client';
import type { Session, SessionStore } from '../auth/session';
import type { WebConfig } from './config';

/** What every screen may need from outside React: the runtime config, the session and the API client. */
export interface Services {
  config: WebConfig;
  session: SessionStore;
  api: ApiClient;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ value, children }: { value: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const v = useContext(ServicesContext);
  if (!v) throw new Error('useServices outside ServicesProvider');
  return v;
}

export function useApi(): ApiClient {
  return useServices().api;
}

/** The current session; re-renders on sign-in, refresh and sign-out (in any tab). */
export function useSession(): Session | null {
  const { session } = useServices();
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}

import { parseWebConfig, type WebConfig } from '@thidua/shared/web-config';

export { parseWebConfig, type WebConfig };

/** The runtime configuration, fetched from `/config.json` on the app's own origin at start. */
export async function loadWebConfig(): Promise<WebConfig> {
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`GET /config.json answered ${res.status}`);
  return parseWebConfig(await res.json());
}

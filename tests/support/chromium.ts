import { type Browser, chromium, type LaunchOptions } from 'playwright-core';

/** Debian's Chromium (`npm test` installs the package when it can); no browser is ever downloaded. */
const CHROMIUM_PATH = '/usr/bin/chromium';

/** Chromium on this machine: no sandbox (containers), nothing that talks to the network by itself. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The one launcher of the browser journeys and the benchmark's first-render measure. */
export const launchChromium = (options: Pick<LaunchOptions, 'downloadsPath'> = {}): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, ...options });

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Absolute paths the CDK app needs. Resolved from this file, not from the working directory, so that
 * `cdk synth` from the repository root and vitest from anywhere find the same files.
 */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const repoPath = (...segments: string[]): string => join(repoRoot, ...segments);

/** The production build of the web app (`npm run build -w web`). */
export const defaultWebDist = repoPath('web', 'dist');

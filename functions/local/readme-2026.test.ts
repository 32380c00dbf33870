import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './paths';
import { dongNaiUsers } from './seed-data-2026';

// The README's second table (the merged province's logins) must match the December 2026 seed.
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

describe('README demo logins of the merged province', () => {
  it.each(dongNaiUsers.map((user) => [user.email, user] as const))(
    'lists %s with its role',
    (email, user) => {
      const cells = readme
        .split('\n')
        .map((line) => line.split('|').map((cell) => cell.trim()))
        .find((row) => row[1] === `\`${email}\``);
      expect(cells, `README has no row for ${email}`).toBeDefined();
      expect(cells?.[2]).toBe(user.roles.join(', '));
    },
  );
});

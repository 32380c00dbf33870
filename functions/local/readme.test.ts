import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './paths';
import { DEMO_PASSWORD, demoUsers } from './seed-data';
import { dongNaiUsers } from './seed-data-2026';

// The README's demo-login table is what a person types into the sign-in form: it must match the seed.
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

/** The cells of the README table row whose first cell is the login. */
const rowOf = (email: string) =>
  readme
    .split('\n')
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .find((row) => row[1] === `\`${email}\``);

describe('README demo logins', () => {
  it('states the demo password', () => {
    expect(readme).toContain(`**\`${DEMO_PASSWORD}\`**`);
  });

  it.each(demoUsers.map((user) => [user.email, user] as const))('lists %s with its roles', (email, user) => {
    const cells = rowOf(email);
    expect(cells, `README has no row for ${email}`).toBeDefined();
    expect(cells?.[2]).toBe(user.roles.join(', '));
  });

  // The second table: the merged province's logins (December 2026 seed).
  it.each(dongNaiUsers.map((user) => [user.email, user] as const))(
    'lists %s of Đồng Nai with its role',
    (email, user) => {
      const cells = rowOf(email);
      expect(cells, `README has no row for ${email}`).toBeDefined();
      expect(cells?.[2]).toBe(user.roles.join(', '));
    },
  );
});

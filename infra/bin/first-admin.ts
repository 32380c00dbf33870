import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { FirstAdminInput, firstAdminItems, parseArgs } from '../src/first-admin';

/**
 * Writes the two table items of a new tenant's first administrator (the province root unit and the
 * user record) as DynamoDB JSON files for `aws dynamodb put-item`. See docs/deploy.md, "First administrator".
 *
 *   npx tsx infra/bin/first-admin.ts --tenant binh-phuoc --unit-id binh-phuoc \
 *     --unit-name "UBND tỉnh Bình Phước" --sub <cognito sub> --email admin@… --name "…" [--out dir]
 */
try {
  const { out = 'first-admin', roles, ...rest } = parseArgs(process.argv.slice(2));
  const items = firstAdminItems(
    FirstAdminInput.parse({ ...rest, ...(roles ? { roles: roles.split(',') } : {}) }),
  );
  const dir = resolve(out);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'unit.json'), `${JSON.stringify(items.unitItem, null, 2)}\n`);
  writeFileSync(join(dir, 'user.json'), `${JSON.stringify(items.userItem, null, 2)}\n`);
  process.stdout.write(`wrote ${join(dir, 'unit.json')} and ${join(dir, 'user.json')}\n`);
} catch (error) {
  if (error instanceof z.ZodError) {
    const flag = (path: PropertyKey[]) => path.join('.').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    process.stderr.write(`${error.issues.map((i) => `--${flag(i.path)}: ${i.message}`).join('\n')}\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
}

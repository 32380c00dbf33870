import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID: 10 characters of milliseconds then 16 random ones, Crockford base32. Ids sort by creation
 * time, so "newest first" in a list is just a descending sort key.
 */
export const newId = (now: Date = new Date()): string => {
  let time = now.getTime();
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = (CROCKFORD[time % 32] ?? '0') + head;
    time = Math.floor(time / 32);
  }
  const bytes = randomBytes(16);
  let tail = '';
  for (const b of bytes) tail += CROCKFORD[b % 32] ?? '0';
  return head + tail;
};

import { describe, expect, it } from 'vitest';
import { Id } from './index';

describe('Id', () => {
  it('accepts short opaque ids and refuses anything else', () => {
    expect(Id.safeParse('unit_dong-xoai1').success).toBe(true);
    expect(Id.safeParse('../etc').success).toBe(false);
    expect(Id.safeParse('').success).toBe(false);
  });
});

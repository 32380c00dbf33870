import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatDeadline,
  formatNumber,
  parseDisplayDate,
  parseNumber,
  todayInVietnam,
} from './format';

describe('dates in Asia/Ho_Chi_Minh', () => {
  it('formats a calendar date without shifting it', () => {
    expect(formatDate('2023-02-07')).toBe('07/02/2023');
  });
  it('reads an instant in Vietnam, not UTC', () => {
    // 17:30 UTC on 31/12 is already 00:30 on 01/01 in Vietnam (UTC+7).
    expect(formatDate('2023-12-31T17:30:00.000Z')).toBe('01/01/2024');
    expect(formatDateTime('2023-12-31T17:30:00.000Z')).toBe('01/01/2024 00:30');
    expect(todayInVietnam(new Date('2023-12-31T17:30:00.000Z'))).toBe('2024-01-01');
  });
  it('shows an exclusive midnight deadline as the day before', () => {
    expect(formatDeadline('2023-02-28T17:00:00.000Z')).toBe('28/02/2023');
    expect(formatDeadline('2023-02-28T03:00:00.000Z')).toBe('28/02/2023');
    expect(formatDeadline(null)).toBe('');
  });
  it('parses dd/MM/yyyy and refuses impossible dates', () => {
    expect(parseDisplayDate('7/2/2023')).toBe('2023-02-07');
    expect(parseDisplayDate('31/02/2023')).toBeNull();
    expect(parseDisplayDate('2023-02-07')).toBeNull();
  });
});

describe('numbers with Vietnamese separators', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(1234567, { decimals: false })).toBe('1.234.567');
    expect(formatNumber(null)).toBe('');
  });
  it('parses what people type', () => {
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('1.234')).toBe(1234);
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('abc')).toBeNaN();
  });
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536 * 1024)).toBe('1,5 MB');
  });
});

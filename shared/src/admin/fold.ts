/**
 * Vietnamese text folded for matching: lower case, no diacritics, `đ` → `d`, single spaces. "Nguyễn Thị
 * Lan" and "nguyen thi lan" fold to the same key, so a search typed without accents finds the person.
 */
export const foldText = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

import type * as z from 'zod';
import type { Section } from '../forms/schema';

/**
 * A report section with sensitive figures (two counts, their total, a table with a sensitive column)
 * beside a plain one: the fixture the sensitive-field tests share, from the pure redaction to the API.
 */
export const sensitiveFiguresSection = {
  key: 'figures',
  title: 'Số liệu',
  fields: [
    { key: 'crimes', label: 'Số vụ phạm tội', type: 'integer', min: 0, sensitive: true },
    { key: 'drugs', label: 'Số vụ ma túy', type: 'integer', min: 0, sensitive: true },
    { key: 'sessions', label: 'Số buổi tuyên truyền', type: 'integer', min: 0 },
    {
      key: 'total',
      label: 'Tổng số vụ',
      type: 'computed',
      sum: [{ field: 'figures.crimes' }, { field: 'figures.drugs' }],
    },
    {
      key: 'areas',
      label: 'Địa bàn',
      type: 'table',
      columns: [
        { key: 'name', label: 'Tên địa bàn', type: 'text' },
        { key: 'arrests', label: 'Số bắt giữ', type: 'integer', sensitive: true },
      ],
    },
  ],
} satisfies z.input<typeof Section>;

/** Data for the section: a 0 among the figures (a redacted 0 must not read as "none"). */
export const sensitiveFiguresData = {
  figures: { crimes: 12, drugs: 0, sessions: 20, total: 12, areas: [{ name: 'Ấp 3', arrests: 4 }] },
};

/** The section's sensitive refs, as the API lists them in `redacted`. */
export const sensitiveFigureRefs = [
  'figures.areas.arrests',
  'figures.crimes',
  'figures.drugs',
  'figures.total',
];

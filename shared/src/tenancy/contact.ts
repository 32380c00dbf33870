import * as z from 'zod';

/**
 * The secretariat's contact of a province (issue 15, point 10): who units call when a form, a deadline
 * or an account goes wrong. Shown on every help page; kept by the province's administrator as one of the
 * tenant's settings (the policy's `tenant_settings`), every change audited.
 */
export const SecretariatContact = z.object({
  /** The office as people know it: "Phòng Tham mưu, Công an tỉnh (Cơ quan thường trực Ban chỉ đạo 138)". */
  name: z.string().trim().min(3, 'Nhập tên cơ quan, bộ phận đầu mối').max(300),
  /** Digits with the usual separators: "0271 3879 123", "+84 271 3879 123". */
  phone: z
    .string()
    .trim()
    .regex(
      /^\+?[0-9][0-9 .-]{5,22}[0-9]$/,
      'Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm hoặc gạch ngang',
    ),
  email: z.email('Thư điện tử không hợp lệ').max(254),
  address: z.string().trim().min(5, 'Nhập địa chỉ').max(500),
});
export type SecretariatContact = z.infer<typeof SecretariatContact>;

/** As stored and read: with who last changed it and when (the help page shows the date). */
export const TenantContact = SecretariatContact.extend({
  updatedAt: z.string(),
  updatedByName: z.string().max(200),
});
export type TenantContact = z.infer<typeof TenantContact>;

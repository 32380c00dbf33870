import * as z from 'zod';
import { SigningMode } from '../commendation/records';

/**
 * How the province's decisions get their original (issue 17 point 5, ADR 0032). Decree 30/2020 Art. 13
 * requires an electronic document of a state body to be digitally signed, so `digital` is what a tenant
 * without a setting gets. `paper` is kept for a province whose signers have no Government CA certificate
 * yet: chosen explicitly by its administrator with the reason, audited, and every decision then says its
 * original is the hand-signed paper copy ("bản giấy").
 */
export const DecisionSigningInput = z
  .object({
    mode: SigningMode,
    /** Why the province signs on paper (required for `paper`): printed in the audit trail. */
    reason: z.string().trim().max(500).default(''),
  })
  .refine((s) => s.mode === 'digital' || s.reason.length >= 10, {
    path: ['reason'],
    message: 'Nêu lý do chưa dùng chữ ký số (ít nhất 10 ký tự)',
  });
export type DecisionSigningInput = z.infer<typeof DecisionSigningInput>;

export const DecisionSigning = z.object({
  mode: SigningMode,
  reason: z.string(),
  updatedAt: z.string(),
  updatedByName: z.string().max(200),
});
export type DecisionSigning = z.infer<typeof DecisionSigning>;

/** A tenant that never chose: digital (the law's default). */
export const DEFAULT_SIGNING_MODE: SigningMode = 'digital';

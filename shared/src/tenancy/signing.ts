import * as z from 'zod';
import { SigningMode } from '../commendation/records';

/**
 * How the province's decisions get their original (issue 17 point 5, ADR 0032). Decree 30/2020 Art. 13
 * requires an electronic document of a state body to be digitally signed, so `digital` is what a tenant
 * without a setting gets. `paper` is kept for a province whose signers have no Government CA certificate
 * yet: chosen explicitly by its administrator with the reason, audited, and every decision then says its
 * original is the hand-signed paper copy ("bản giấy").
 */
export const DecisionSigning = z.object({
  mode: SigningMode,
  reason: z.string(),
  updatedAt: z.string(),
  updatedByName: z.string().max(200),
});
export type DecisionSigning = z.infer<typeof DecisionSigning>;

/** A tenant that never chose: digital (the law's default). */
export const DEFAULT_SIGNING_MODE: SigningMode = 'digital';

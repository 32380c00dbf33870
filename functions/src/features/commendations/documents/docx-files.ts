import { type BatchDocInput, batchDocument } from './batch-doc';
import { type DecisionDocInput, decisionDocument } from './decision-doc';
import { toDocx } from './docx-render';
import { type MinutesDocInput, minutesDocument } from './minutes-doc';
import { type RevocationDocInput, revocationDocument } from './revocation-doc';

/**
 * Each document straight to its DOCX file. The Lambdas never call these: a transition stores the model
 * (store.ts) and the documents group renders it on first download (ADR 0028); the builders above import
 * no docx, so the commendations bundle does not carry it. Here for the layout tests.
 */
export const batchDocx = (t: BatchDocInput): Promise<Uint8Array> => toDocx(batchDocument(t));
export const decisionDocx = (d: DecisionDocInput): Promise<Uint8Array> => toDocx(decisionDocument(d));
export const minutesDocx = (m: MinutesDocInput): Promise<Uint8Array> => toDocx(minutesDocument(m));
export const revocationDocx = (x: RevocationDocInput): Promise<Uint8Array> => toDocx(revocationDocument(x));

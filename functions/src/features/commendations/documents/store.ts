import type { DocModel } from '@thidua/functions/kernel/pdf/model';
import { type DocumentStore, modelKeyOf } from '../documents-store';

/**
 * Stores a generated document as its model (JSON) beside the key its DOCX will have. The documents
 * group renders the DOCX and the PDF from it on first download and keeps each create-only (ADR 0024,
 * 0028), so this Lambda carries neither docx nor pdf-lib.
 */
export const storeDocument = async (store: DocumentStore, docxKey: string, model: DocModel): Promise<void> =>
  store.put(modelKeyOf(docxKey), new TextEncoder().encode(JSON.stringify(model)), 'application/json');

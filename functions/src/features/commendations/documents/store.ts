import type { DocModel } from '@thidua/functions/kernel/pdf/model';
import { DOCX_TYPE, type DocumentStore, modelKeyOf } from '../documents-store';
import { toBytes } from './docx-render';

/** Writes a generated document as DOCX and, beside it, as its model (no PDF code in this Lambda). */
export const storeDocument = async (
  store: DocumentStore,
  docxKey: string,
  model: DocModel,
): Promise<void> => {
  await Promise.all([
    store.put(docxKey, await toBytes(model), DOCX_TYPE),
    store.put(modelKeyOf(docxKey), new TextEncoder().encode(JSON.stringify(model)), 'application/json'),
  ]);
};

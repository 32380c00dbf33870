import type { AttachmentRef, AttachmentScanState } from '@thidua/shared/forms';
import { createContext, type ReactNode, useContext } from 'react';
import type { Uploader } from '../upload';

/** What the form controls need from the page around them, beyond react-hook-form. */
export interface FormRuntime {
  /** Uploads evidence files (absent: the form cannot take new files). */
  uploader?: Uploader;
  /** Opens an attachment (a short-lived download link issued after an authorization check). */
  openAttachment?: (ref: AttachmentRef) => Promise<void>;
  /** Malware scan state of the submission's attachments, by attachment id (absent: not shown). */
  scanStates?: ReadonlyMap<string, AttachmentScanState>;
  /** Reviewers fill `reviewerScore` of score criteria; authors fill `selfScore`. */
  scoring: 'self' | 'reviewer' | 'none';
  /** What the page shows beside a field (`section.field`): the reviewers' comments on it and its rows. */
  aside?: (name: string) => ReactNode;
}

const Ctx = createContext<FormRuntime>({ scoring: 'self' });

export function FormRuntimeProvider({ value, children }: { value: FormRuntime; children: ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useFormRuntime(): FormRuntime {
  return useContext(Ctx);
}

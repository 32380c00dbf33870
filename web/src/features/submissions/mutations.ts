import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WorkflowAction } from '@thidua/shared/workflow';
import { useRef } from 'react';
import { newIdempotencyKey } from '../../api/client';
import { isHttpError } from '../../api/errors';
import { submissionKeys, useSubmissionsApi } from './queries';
import type { BulkAnswer, SubmissionView } from './service';

/**
 * One key per user intent: a retry of the same click (after a network failure) reuses the key, so
 * the server applies the action at most once; a new intent gets a new key.
 */
function useIntentKey() {
  const key = useRef<string | null>(null);
  return {
    get: () => {
      key.current ??= newIdempotencyKey();
      return key.current;
    },
    done: () => {
      key.current = null;
    },
  };
}

/** After any change to a submission: its detail is the answer; lists and history are stale. */
function useAfterChange() {
  const qc = useQueryClient();
  return async (detail: SubmissionView) => {
    qc.setQueryData(submissionKeys.detail(detail.id), detail);
    await Promise.all([
      qc.invalidateQueries({ queryKey: submissionKeys.history(detail.id) }),
      qc.invalidateQueries({ queryKey: submissionKeys.lists }),
      qc.invalidateQueries({ queryKey: ['completeness'] }),
    ]);
  };
}

/**
 * A change to an existing submission whose answer is its new view: one idempotency key per intent, kept
 * only while a lost answer (network) may be retried.
 */
function useSubmissionChange<I>(write: (input: I, idempotencyKey: string) => Promise<SubmissionView>) {
  const intent = useIntentKey();
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: (input: I) => write(input, intent.get()),
    onSuccess: async (detail) => {
      intent.done();
      await afterChange(detail);
    },
    onError: (error) => {
      // Only a lost answer (network) may be retried with the same key; a refusal is final for this intent.
      if (!(isHttpError(error) && error.isNetwork)) intent.done();
    },
  });
}

export function useWorkflowAction(submissionId: string) {
  const s = useSubmissionsApi();
  return useSubmissionChange((input: { expectedVersion: number; action: WorkflowAction }, key) =>
    s.act(submissionId, input, key),
  );
}

/** Sets or lifts the "Mật" flag (reviewers and the secretariat; the policy decides, the API checks). */
export function useClassify(submissionId: string) {
  const s = useSubmissionsApi();
  return useSubmissionChange((body: { classified: boolean; reason: string; expectedVersion: number }, key) =>
    s.classify(submissionId, body, key),
  );
}

export function useCreateDraft() {
  const s = useSubmissionsApi();
  const intent = useIntentKey();
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: (input: { campaignId: string; formKey: string; period: string }) =>
      s.create(input, intent.get()),
    onSuccess: async (detail) => {
      intent.done();
      await afterChange(detail);
    },
    onError: () => intent.done(),
  });
}

/**
 * Approve or return the selected submissions with one reason. One key for the intent: a retry after a
 * lost answer sends the same batch key, and the server repeats nothing it already did.
 */
export function useBulkAction() {
  const s = useSubmissionsApi();
  const qc = useQueryClient();
  const intent = useIntentKey();
  return useMutation({
    mutationFn: (body: Parameters<typeof s.bulkAct>[0]): Promise<BulkAnswer> => s.bulkAct(body, intent.get()),
    onSuccess: async () => {
      intent.done();
      await Promise.all([
        qc.invalidateQueries({ queryKey: submissionKeys.lists }),
        qc.invalidateQueries({ queryKey: ['completeness'] }),
      ]);
    },
    onError: (error) => {
      if (!(isHttpError(error) && error.isNetwork)) intent.done();
    },
  });
}

import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { newIdempotencyKey } from '../../api/client';
import { isHttpError } from '../../api/errors';

/**
 * A mutation that is one user intent: its idempotency key is kept across a retry after a network loss
 * and dropped once the server has answered; `after` runs on success (close a dialog, refetch).
 */
export function useKeyedMutation<A, R>(
  run: (arg: A, key: string) => Promise<R>,
  after: (result: R, arg: A) => unknown,
) {
  const key = useRef<string | null>(null);
  return useMutation({
    mutationFn: (arg: A) => {
      key.current ??= newIdempotencyKey();
      return run(arg, key.current);
    },
    onSuccess: async (result, arg) => {
      key.current = null;
      await after(result, arg);
    },
    onError: (e) => {
      if (!(isHttpError(e) && e.isNetwork)) key.current = null;
    },
  });
}

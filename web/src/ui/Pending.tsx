import type { ReactNode } from 'react';
import { Alert } from './Alert';
import { Skeleton } from './Skeleton';

/**
 * The states of one fetched view: the failure in words (given already described, so the UI kit stays
 * free of the API), placeholder lines while it loads, then the content.
 */
export function Pending({
  error,
  pending,
  lines = 6,
  children,
}: {
  error: string | undefined;
  pending: boolean;
  lines?: number;
  children: ReactNode;
}) {
  return (
    <>
      {error === undefined ? null : <Alert tone="danger">{error}</Alert>}
      {pending ? <Skeleton lines={lines} /> : children}
    </>
  );
}

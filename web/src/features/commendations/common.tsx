import type { Campaign } from '@thidua/shared/campaign';
import { useMemo, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../api/client';
import { describeError } from '../../api/describe';
import { isHttpError } from '../../api/errors';
import { useApi } from '../../app/services';
import { useCatalogue, useT } from '../../i18n';
import { Alert, Field } from '../../ui';
import { useCampaigns } from '../submissions/queries';
import { messages } from './messages';
import { commendationService } from './service';
import './commendations.css';

export const useCommendations = () => {
  const api = useApi();
  return useMemo(() => commendationService(api), [api]);
};

export const useC = () => useCatalogue(messages);

/** One idempotency key per user intent (a retry after a lost answer reuses it). */
export function useIntent() {
  const key = useRef<string | null>(null);
  return {
    key: () => {
      key.current ??= newIdempotencyKey();
      return key.current;
    },
    done: () => {
      key.current = null;
    },
    failed: (e: unknown) => {
      if (!(isHttpError(e) && e.isNetwork)) key.current = null;
    },
  };
}

/** The campaigns that take nominations, and the chosen one (the active one first). */
export function useNominationCampaign() {
  const campaigns = useCampaigns();
  const list = (campaigns.data ?? []).filter((c: Campaign) =>
    c.forms.some((f) => f.formKey === 'nomination'),
  );
  const [chosen, setChosen] = useState('');
  const campaignId = chosen || list.find((c) => c.status === 'active')?.id || list[0]?.id || '';
  return { list, campaignId, setCampaignId: setChosen, loading: campaigns.isLoading };
}

export function CampaignSelect({
  list,
  value,
  onChange,
}: {
  list: readonly Campaign[];
  value: string;
  onChange: (id: string) => void;
}) {
  const c = useC();
  return (
    <Field label={c('campaign')}>
      {(p) => (
        <select {...p} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
          {list.map((x) => (
            <option key={x.id} value={x.id}>
              {x.number} – {x.title}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** An error of a mutation, in plain words, with the API's field reasons listed (422 rule violations). */
export function ErrorBox({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  const details = isHttpError(error) ? error.details : [];
  return (
    <Alert tone="danger">
      <p>{describeError(error, t)}</p>
      {details.length > 0 ? (
        <ul>
          {details.map((d) => (
            <li key={`${d.path}-${d.message}`}>{d.message}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

/** Follows a presigned link fetched on demand (the link lives five minutes). */
export async function openDownload(get: () => Promise<{ url: string }>): Promise<void> {
  const { url } = await get();
  window.location.assign(url);
}

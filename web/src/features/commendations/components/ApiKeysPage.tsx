import { useQuery } from '@tanstack/react-query';
import { type ApiKeyScope, apiKeyScopeLabels, apiKeyScopes } from '@thidua/shared/policy';
import { useState } from 'react';
import { formatDateTime } from '../../../i18n';
import { Alert, Badge, Skeleton, TextField } from '../../../ui';
import {
  ConfirmAction,
  ErrorBox,
  PickItem,
  PrimaryAction,
  toggle,
  useC,
  useCommendations,
  useIntentMutation,
  useRefresh,
} from '../common';

/**
 * The province administrator's API keys for document-management systems (ADR 0034): create one (its
 * secret shown here once, never again), see each key's scopes and last use, revoke one (confirmed).
 */
export function ApiKeysPage() {
  const c = useC();
  const svc = useCommendations();
  const refresh = useRefresh();
  const keys = useQuery({ queryKey: ['commendations', 'api-keys'], queryFn: () => svc.apiKeys() });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>([...apiKeyScopes]);
  const [secret, setSecret] = useState('');
  const create = useIntentMutation(
    (_: undefined, key) => svc.createApiKey({ name: name.trim(), scopes }, key),
    (made) => {
      setSecret(made.secret);
      setName('');
      return refresh('api-keys');
    },
  );
  const revoke = useIntentMutation(
    (keyId: string, key) => svc.revokeApiKey(keyId, key),
    () => refresh('api-keys'),
  );
  return (
    <div className="stack">
      <h1>{c('keys.title')}</h1>
      <p className="muted">{c('keys.intro')}</p>
      <section className="card c-section" aria-label={c('keys.create')}>
        <h2>{c('keys.create')}</h2>
        <TextField label={c('keys.name')} required value={name} onChange={setName} />
        <ul className="c-list">
          {apiKeyScopes.map((s) => (
            <PickItem
              key={s}
              checked={scopes.includes(s)}
              onChange={(on) => setScopes((x) => toggle(x, s, on) as ApiKeyScope[])}
            >
              {apiKeyScopeLabels[s]} (<code>{s}</code>)
            </PickItem>
          ))}
        </ul>
        <PrimaryAction
          label={c('keys.create')}
          mutation={create}
          disabled={name.trim().length < 3 || scopes.length === 0}
          onClick={() => create.mutate(undefined)}
        />
        {secret ? (
          <Alert tone="warning">
            {c('keys.secret')} <code data-testid="api-key-secret">{secret}</code>
          </Alert>
        ) : null}
      </section>
      {keys.isLoading ? <Skeleton label={c('loading')} /> : null}
      <ErrorBox error={revoke.error} />
      <ul className="c-list">
        {(keys.data ?? []).map((k) => (
          <li key={k.id} className="card c-item">
            <span>
              <strong>{k.name}</strong> · <code>{k.prefix}</code> · {k.scopes.join(', ')} ·{' '}
              {c('keys.lastUsed', { at: k.lastUsedAt ? formatDateTime(k.lastUsedAt) : '—' })}
            </span>
            {k.revokedAt ? (
              <Badge tone="danger">{c('keys.revoked', { at: formatDateTime(k.revokedAt) })}</Badge>
            ) : (
              <ConfirmAction
                label={c('keys.revoke')}
                variant="danger"
                pending={revoke.isPending}
                onConfirm={() => revoke.mutate(k.id)}
                message={c('confirm.revokeKey', { name: k.name })}
              />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

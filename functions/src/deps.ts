import { type Config, loadConfig } from './config';
import { type AwsClients, createAwsClients } from './data/client';
import { createIdempotencyStore, type IdempotencyStore } from './data/idempotency-store';
import {
  createUnitRepository,
  createUserRepository,
  type UnitRepository,
  type UserRepository,
} from './data/org';

/**
 * Everything a handler needs, built once per Lambda instance from the configuration. Route
 * implementations receive these interfaces, never the SDK clients' internals.
 */
export interface Deps {
  config: Config;
  clients: AwsClients;
  units: UnitRepository;
  users: UserRepository;
  idempotency: IdempotencyStore;
}

export const createDeps = (config: Config, clients: AwsClients = createAwsClients(config)): Deps => {
  const ref = { table: config.tableName, client: clients.doc };
  return {
    config,
    clients,
    units: createUnitRepository(ref),
    users: createUserRepository(ref),
    idempotency: createIdempotencyStore(ref),
  };
};

let instance: Deps | undefined;

/** The process's dependencies, from the environment on first use (module load of a handler). */
export const appDeps = (): Deps => {
  instance ??= createDeps(loadConfig());
  return instance;
};

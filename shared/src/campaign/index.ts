export * from './campaign-2023';
export * from './helpers';
export * from './schema';
export * from './validate';

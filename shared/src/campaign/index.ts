export * from './campaign-2023';
export * from './copy';
export * from './copy-across-merger';
export * from './helpers';
export * from './schema';
export * from './validate';
export * from './versions';

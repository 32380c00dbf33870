export * from './comments';
export * from './completeness';
export * from './errors';
export * from './period';
export * from './rules';
export * from './transition';
export * from './types';

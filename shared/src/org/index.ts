export * from './chain';
export * from './schema';
export * from './tree';

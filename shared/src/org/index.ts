export * from './chain';
export * from './changes';
export * from './dated';
export * from './history';
export * from './schema';
export * from './tree';

export * from './evaluate';
export * from './expression';
export * from './limits';
export * from './schema';
export * from './templates-2023';
export * from './validate';

export * from './evaluate';
export * from './limits';
export * from './schema';
export * from './templates-2023';
export * from './validate';
export * from './expression';

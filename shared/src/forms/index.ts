export * from './evaluate';
export * from './expression';
export * from './limits';
export * from './numbers';
export * from './schema';
export * from './templates-2023';
export * from './text';
export * from './validate';

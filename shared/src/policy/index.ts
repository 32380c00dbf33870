export * from './policy';
export * from './public-view';

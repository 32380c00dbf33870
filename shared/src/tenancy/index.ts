export * from './merger';

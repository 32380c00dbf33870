export * from './contact';
export * from './merger';

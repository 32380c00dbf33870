export * from './contact';
export * from './merger';
export * from './signing';

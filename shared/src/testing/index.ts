export * from './notifications';
export * from './sensitive-report';

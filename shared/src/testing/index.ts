export * from './sensitive-report';

// The route contracts (see kernel.ts): one `defineRoute` per route, grouped by Lambda.
export * from './admin';
export * from './attachments';
export * from './audit';
export * from './campaign-builder';
export * from './campaigns';
export * from './commendations';
export * from './kernel';
export * from './mergers';
export * from './notifications';
export * from './org';
export * from './path';
export * from './public';
export * from './routes';
export * from './security';
export * from './submissions';
export * from './system';

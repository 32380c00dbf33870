export * from './fold';
export * from './import';
export * from './office-holders';

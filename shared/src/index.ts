export * from './common';
export * from './org';
export * from './workflow';

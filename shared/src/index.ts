export * from './campaign';
export * from './common';
export * from './forms';
export * from './org';
export * from './policy';
export * from './workflow';

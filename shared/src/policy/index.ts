export * from './comments';
export * from './inherited';
export * from './mfa';
export * from './notifications';
export * from './policy';
export * from './public-view';
export * from './sensitive';
export * from './workspaces';

export * from './inherited';
export * from './mfa';
export * from './policy';
export * from './public-view';
export * from './sensitive';
export * from './workspaces';
export * from './notifications';

export * from './inherited';
export * from './policy';
export * from './public-view';
export * from './workspaces';

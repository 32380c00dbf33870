export * from './policy';
export * from './public-view';
export * from './workspaces';
export * from './inherited';

export * from './commendations';
export * from './digest';
export * from './email';
export * from './reminders';
export * from './schema';
export * from './submissions';
export * from './unsubscribe';

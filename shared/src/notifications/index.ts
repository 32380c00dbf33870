export * from './commendations';
export * from './email';
export * from './reminders';
export * from './schema';
export * from './submissions';

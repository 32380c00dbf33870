'use strict';
/**
 * Preloaded (`node --require`) into every Node child of the local platform (s3rver, cognito-local, Vite):
 * the child exits as soon as the process that started it is gone, even when that process was killed with
 * SIGKILL and had no chance to stop it. An orphan is re-parented (its ppid changes), which is what we watch.
 */
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 500).unref();

/**
 * A failure the person running the platform can act on (busy port, missing Java, an emulator that would
 * not start). `npm start` prints only its message, never a stack trace; tests see it as a normal error.
 */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';
}

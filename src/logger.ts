import pino from 'pino';

export type Logger = pino.Logger;

/**
 * One structured logger. Credentials never reach it: request logging records
 * method, path (no query string) and status only, and these paths are redacted as a backstop.
 */
export function createLogger(level: string, destination: 'stdout' | 'stderr' = 'stdout'): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          'password',
          '*.password',
          'token',
          '*.token',
          'authorization',
          '*.authorization',
          'cookie',
          '*.cookie',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination(destination === 'stderr' ? 2 : 1),
  );
}

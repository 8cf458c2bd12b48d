import pino from 'pino';

export type Logger = pino.Logger;

/**
 * One structured logger. Credentials never reach it: request logging records
 * method, path (no query string, secret segments redacted) and status only, and these
 * fields are redacted as a backstop. Tests may hand in their own stream to read the log.
 */
export function createLogger(
  level: string,
  destination: 'stdout' | 'stderr' | pino.DestinationStream = 'stdout',
): Logger {
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
    typeof destination === 'string' ? pino.destination(destination === 'stderr' ? 2 : 1) : destination,
  );
}

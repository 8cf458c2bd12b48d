import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { connectDb, type DbHandle } from './client.js';
import { startEmbeddedPostgres } from './embedded.js';

export interface OpenDb extends DbHandle {
  url: string;
  embedded: boolean;
  /** Closes the pools, then stops the embedded server if this process started it. */
  shutdown(): Promise<void>;
  /** Stops the embedded server now, without draining the pools (the process is going down hard). */
  stopEmbedded(): Promise<void>;
}

/**
 * DATABASE_URL when given; otherwise the embedded PostgreSQL in DATA_DIR, joining it
 * if another process (the server, or the CLI) already runs it.
 */
export async function openDatabase(
  config: Config,
  logger: Logger,
  opts: { ownSignals?: boolean; supervise?: boolean } = {},
): Promise<OpenDb> {
  if (config.databaseUrl) {
    const db = connectDb(config.databaseUrl);
    return {
      ...db,
      url: config.databaseUrl,
      embedded: false,
      shutdown: () => db.close(),
      stopEmbedded: async () => {},
    };
  }
  const pg = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPgPort,
    avoidPorts: [config.port],
    log: (m) => logger.debug({ pg: m }, 'embedded-postgres'),
    ownSignals: opts.ownSignals ?? false,
    supervise: opts.supervise ?? false,
    warn: (msg, details) => logger.warn(details ?? {}, msg),
  });
  logger.info({ dataDir: config.dataDir, owned: pg.owned }, 'embedded PostgreSQL ready');
  const db = connectDb(pg.url);
  return {
    ...db,
    url: pg.url,
    embedded: true,
    async shutdown() {
      await db.close();
      await pg.stop();
    },
    stopEmbedded: () => pg.stop(),
  };
}

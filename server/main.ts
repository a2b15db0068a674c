import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from 'react-router';
import { runningClockFrom, systemClock } from '#platform/clock.ts';
import { loadConfig } from '#platform/config.ts';
import { DataDirInUseError } from '#platform/db/data-dir-lock.ts';
import { createLogger } from '#platform/log.ts';
import { createApp } from './app.ts';
import { prepareDatabase } from './services.ts';
import { installOptionalIntegrations } from './integrations.ts';

/** Production entry: `npm start` builds if needed and runs this. Binds 127.0.0.1 unless HOST says otherwise. */
const config = loadConfig();
const log = createLogger(config.logLevel, { service: 'kumppanuus' });
const root = path.resolve(import.meta.dirname, '..');
const serverBuild = path.join(root, 'build/server/index.js');
if (!existsSync(serverBuild)) {
  log.error('no build found: run `npm run build` (npm start does it for you)');
  process.exit(1);
}

// One clock for the whole process: use cases, background jobs, the page cache and the demo seed read it.
const clock = config.clockStart ? runningClockFrom(config.clockStart) : systemClock;
if (config.clockStart) log.warn('CLOCK_START is set: the server runs on a clock that started at that instant', { clockStart: config.clockStart });
const db = await prepareDatabase(config, log, clock).catch((e: unknown) => {
  // Another live process holds DATA_DIR/pglite (ADR 0010): say which, and do not start.
  if (e instanceof DataDirInUseError) {
    log.error(e.message, { lockFile: e.lockFile, holder: { pid: e.holder.pid, host: e.holder.host, label: e.holder.label, startedAt: e.holder.startedAt } });
    process.exit(1);
  }
  throw e;
});
const build = (await import(pathToFileURL(serverBuild).href)) as ServerBuild;
const services = { db, clock, log, config, extras: {} as Record<string, unknown> };
const integrations = await installOptionalIntegrations(services);
const { handler } = createApp({ services, build, clientDir: path.join(root, 'build/client') });

// `handler` is the Express app behind the page cache's front door (server/page-cache.ts).
const server = http.createServer(handler);
server.listen(config.port, config.host, () => {
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  log.info(`Kumppanuus listening on http://${config.host}:${port}`, { database: db.kind, dataDir: db.kind === 'pglite' ? config.dataDir : undefined });
});
server.keepAliveTimeout = 5000;

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  const integrationsStopped = integrations.stop(); // the mail dispatcher finishes the message it is sending
  const force = setTimeout(() => {
    log.warn('requests still open after 8 s; closing them');
    server.closeAllConnections();
  }, 8000);
  force.unref();
  server.close(async () => {
    clearTimeout(force);
    try {
      await integrationsStopped;
      await db.close();
    } finally {
      log.info('stopped');
      process.exit(0);
    }
  });
  // Logged only now: the listening socket is closed, so whoever reads this line can no longer connect.
  log.info('shutting down: finishing in-flight requests', { signal });
  server.closeIdleConnections();
  // Keep-alive connections become idle when their last response is sent: close them then, not after keepAliveTimeout.
  setInterval(() => server.closeIdleConnections(), 100).unref();
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PostgresStorage } from '@s2b2b/storage-postgres';
import type { Express } from 'express';

/**
 * Options of `serve`.
 *
 * @example
 * const options: ServeOptions = { app, storage, port: 0 };
 */
export interface ServeOptions {
  app: Express;
  /** Closed after the last request has been answered. */
  storage: PostgresStorage;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Requests still open this long after `close()` are cut (default 10 s). */
  drainMs?: number;
}

/**
 * A listening server and its graceful shutdown.
 *
 * @example
 * const running: RunningServer = await serve({ app, storage, port: 3000 });
 * await running.close();
 */
export interface RunningServer {
  readonly server: Server;
  /** `http://<host>:<port>` */
  readonly url: string;
  /** Stops accepting connections, lets open requests finish, then closes the storage (and its pool). */
  close(): Promise<void>;
}

/**
 * Listens with an app and returns its URL and a graceful `close()`: no new connections, idle
 * keep-alive connections closed, requests in flight answered (cut after `drainMs`), then the
 * storage closed — its pool ended — so the process can exit.
 *
 * @example
 * const running = await serve({ app: createApp({ storage }), storage, port: Number(process.env.PORT ?? 3000) });
 * process.once('SIGTERM', () => void running.close());
 */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const { app, storage } = options;
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(options.port ?? 0, host, (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const { port } = server.address() as AddressInfo;
  // Responses still to be sent when the shutdown starts close their connection once sent.
  const open = new Set<ServerResponse>();
  server.on('request', (_req, res: ServerResponse) => {
    open.add(res);
    res.once('close', () => open.delete(res));
  });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      for (const res of open) if (!res.headersSent) res.setHeader('Connection', 'close');
      const drained = new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), options.drainMs ?? 10_000);
      try {
        await drained;
      } finally {
        clearTimeout(cut);
        await storage.close();
      }
    })();
    return closing;
  };
  return { server, url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, close };
}

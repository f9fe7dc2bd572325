import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface PageServer {
  /** `http://127.0.0.1:PORT` + path. */
  url(path: string): string;
  /** Every path requested so far, in order. */
  requested: string[];
  close(): Promise<void>;
}

/** A page with a content type (and charset, when given) and nothing else special. */
export function page(body: string | Uint8Array, type = 'text/html; charset=utf-8'): Route {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': type });
    response.end(body);
  };
}

export function redirect(to: string, status = 302): Route {
  return (_request, response) => {
    response.writeHead(status, { location: to });
    response.end();
  };
}

export function status(code: number): Route {
  return (_request, response) => {
    response.writeHead(code, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<html><body><p>error ${code}</p></body></html>`);
  };
}

/**
 * A server on 127.0.0.1 (a free port) answering `routes` by path, 404 for any other: the tests'
 * only web; nothing reaches the internet.
 */
export async function servePages(routes: Record<string, Route>): Promise<PageServer> {
  const requested: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    requested.push(path);
    (routes[path] ?? status(404))(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requested,
    close: () => {
      // A slow route may still hold a connection open; the test is done with it.
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

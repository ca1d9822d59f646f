import { Http1Connection } from "./http1-connection";

/** Keep-alive connections, most recently idle first; callers beyond `max` wait for one to come back. */
export function connectionPool(host: string, port: number, max: number) {
  const idle: Http1Connection[] = [];
  const waiting: Array<(connection: Http1Connection) => void> = [];
  const all = new Set<Http1Connection>();
  const open = () => {
    const connection = new Http1Connection(host, port);
    all.add(connection);
    return connection;
  };
  return {
    acquire(): Http1Connection | Promise<Http1Connection> {
      const connection = idle.pop();
      if (connection) return connection;
      if (all.size < max) return open();
      return new Promise((resolve) => waiting.push(resolve));
    },
    release(connection: Http1Connection): void {
      if (!connection.reusable) {
        all.delete(connection);
        connection.close();
        if (waiting.length) waiting.shift()!(open());
        return;
      }
      const next = waiting.shift();
      if (next) next(connection);
      else idle.push(connection);
    },
    close(): void {
      for (const connection of all) connection.close();
    },
  };
}

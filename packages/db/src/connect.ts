import mongoose, { Connection } from 'mongoose';

// Operator injection guard: a filter value such as {"$gt": ""} coming from client input is
// wrapped in $eq instead of being interpreted. Unknown filter paths are dropped.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', true);
// Inside `connection.transaction(fn)`, every mongoose operation (models, queries, aggregates,
// `connection.bulkWrite`) joins the transaction without passing `{ session }`: the session
// travels in an AsyncLocalStorage (docs/consistency.md section 4). Raw driver calls
// (`conn.collection(...)`, `conn.db`) do not join: pass the session to those.
mongoose.set('transactionAsyncLocalStorage', true);

export interface ConnectOptions {
  /** How long to wait for the server before failing a query. */
  serverSelectionTimeoutMS?: number;
  maxPoolSize?: number;
}

/**
 * Opens a connection to one subgraph's own database. Each subgraph calls this with its own
 * database name; nothing else in the process shares the connection.
 */
export async function connectDatabase(uri: string, dbName: string, options: ConnectOptions = {}): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
    maxPoolSize: options.maxPoolSize ?? 20,
    // Lets QueryCounter see every command on the wire; events cost nothing without listeners.
    monitorCommands: true,
    autoIndex: false,
  });
  await conn.asPromise();
  return conn;
}

/** Creates the indexes declared on every model of a connection (unique ones included). */
export async function syncIndexes(conn: Connection): Promise<void> {
  for (const model of Object.values(conn.models)) {
    await model.createIndexes();
  }
}

/**
 * Marks an operator object built by our own code (never from client input) as trusted,
 * so that the global `sanitizeFilter` leaves it as an operator: `trusted({ $in: ids })`.
 */
export function trusted<T extends object>(operators: T): T {
  return (mongoose as unknown as { trusted<U>(o: U): U }).trusted(operators);
}

/**
 * The database: one embedded DuckDB file (default ./takedown.duckdb) or `:memory:` for tests.
 * Every stage reaches it through this narrow interface (run, all, stream, appender, transaction)
 * so that detection can later run on another SQL engine without rewriting the stages.
 * Parameters are always bound ($1, $2 …): never build SQL from data.
 */
import {
  DuckDBAppender,
  DuckDBConnection,
  DuckDBInstance,
  type DuckDBValue,
} from '@duckdb/node-api';
import { storeError } from '../model/index.ts';
import { migrate } from './migrate.ts';

export type SqlParam = string | number | bigint | boolean | null;
export type SqlParams = readonly SqlParam[] | Record<string, SqlParam>;
export type Row = Record<string, unknown>;

export const DEFAULT_DB_PATH = './takedown.duckdb';

export interface OpenOptions {
  /** Read-only open (several readers may share a file). */
  readOnly?: boolean;
  /** DuckDB memory_limit, e.g. '2GB'. Default: DuckDB's (80% of RAM). */
  memoryLimit?: string;
  /** DuckDB threads. Default: all cores. */
  threads?: number;
  /** Skip migrations (for tools that only inspect). */
  skipMigrations?: boolean;
}

/** Converts DuckDB JS values to plain JSON-friendly ones: safe BIGINTs become numbers. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Date) return value;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v);
    return out;
  }
  return value;
}

function bind(params: SqlParams | undefined): DuckDBValue[] | Record<string, DuckDBValue> | undefined {
  if (params === undefined) return undefined;
  return params as DuckDBValue[] | Record<string, DuckDBValue>;
}

export class Store {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  /** Opens (creating if needed) the database at `path` and brings its schema up to date. */
  static async open(path: string = DEFAULT_DB_PATH, options: OpenOptions = {}): Promise<Store> {
    const config: Record<string, string> = {};
    if (options.readOnly) config['access_mode'] = 'READ_ONLY';
    if (options.memoryLimit) config['memory_limit'] = options.memoryLimit;
    if (options.threads) config['threads'] = String(options.threads);
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, config);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      const locked = /lock/i.test(message);
      throw storeError(
        locked
          ? `The database ${path} is in use by another takedown process; stop it or use another --db`
          : `Cannot open the database ${path}`,
        cause,
        message,
      );
    }
    const store = new Store(path, instance, await instance.connect());
    if (!options.skipMigrations && !options.readOnly) {
      const applied = await migrate(store);
      // DuckDB 1.5 can fail to replay a WAL holding schema changes with column defaults after a
      // kill (duckdb/duckdb#19712): write fresh migrations into the file before any data.
      if (applied.length > 0 && path !== ':memory:') await store.checkpoint();
    }
    return store;
  }

  /** An in-memory database with the full schema, for tests. */
  static async memory(): Promise<Store> {
    return Store.open(':memory:');
  }

  /** Runs a statement (or several separated by ';' when no params are given). */
  async run(sql: string, params?: SqlParams): Promise<void> {
    try {
      await this.connection.run(sql, bind(params));
    } catch (cause) {
      throw storeError('A database statement failed', cause, describe(sql, cause));
    }
  }

  /** Runs a query and returns all rows as plain objects (safe BIGINTs as numbers). */
  async all<T extends Row = Row>(sql: string, params?: SqlParams): Promise<T[]> {
    try {
      const reader = await this.connection.runAndReadAll(sql, bind(params));
      return reader.getRowObjectsJS().map((r) => plain(r) as T);
    } catch (cause) {
      throw storeError('A database query failed', cause, describe(sql, cause));
    }
  }

  /** The first row of a query, or undefined. */
  async one<T extends Row = Row>(sql: string, params?: SqlParams): Promise<T | undefined> {
    const rows = await this.all<T>(sql, params);
    return rows[0];
  }

  /** Streams a large result in chunks (about 2,048 rows each) without holding it all in memory. */
  async *stream<T extends Row = Row>(sql: string, params?: SqlParams): AsyncGenerator<T[]> {
    let result;
    try {
      result = await this.connection.stream(sql, bind(params));
    } catch (cause) {
      throw storeError('A database query failed', cause, describe(sql, cause));
    }
    for await (const rows of result.yieldRowObjectJs()) {
      if (rows.length === 0) continue;
      yield rows.map((r) => plain(r) as T);
    }
  }

  /** An appender for fast bulk inserts into `table` (flush and close it when done). */
  async appender(table: string): Promise<DuckDBAppender> {
    return this.connection.createAppender(table);
  }

  /**
   * Runs `fn` inside a transaction: all of its writes land, or none do. A crash inside leaves
   * the database as it was before.
   */
  async transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    await this.run('BEGIN TRANSACTION');
    try {
      const result = await fn(this);
      await this.run('COMMIT');
      return result;
    } catch (e) {
      await this.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  /** Writes the WAL into the main file (after a large load). */
  async checkpoint(): Promise<void> {
    await this.run('CHECKPOINT');
  }

  /** Closes the connection and the database. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function describe(sql: string, cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  const head = sql.replace(/\s+/g, ' ').trim().slice(0, 300);
  return `${message}\nSQL: ${head}`;
}

/** Opens the store, runs `fn`, and always closes it. */
export async function withStore<T>(
  path: string,
  fn: (store: Store) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  const store = await Store.open(path, options);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

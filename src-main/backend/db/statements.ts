// Prepared statements, compiled once per connection and reused: preparing is the dominant
// cost of a single-row write (≈0.1 ms each), and imports write thousands of rows.
import type Database from 'better-sqlite3'

const MAX_CACHED = 400
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>()

export function prep(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db)
  if (!cache) {
    cache = new Map()
    caches.set(db, cache)
  }
  let stmt = cache.get(sql)
  if (!stmt) {
    // Filter combinations make list SQL vary; a bounded cache keeps memory flat.
    if (cache.size >= MAX_CACHED) cache.clear()
    stmt = db.prepare(sql)
    cache.set(sql, stmt)
  }
  return stmt
}

/**
 * Runs fn atomically: in its own transaction, or as part of the caller's when one is open.
 * Nesting would open a savepoint per record, and FTS5 flushes its pending index data at every
 * savepoint; inside an import that was a third of the write time. A caller that opens the
 * transaction must let any error abort all of it (our imports do: all or nothing).
 */
export function atomic<T>(db: Database.Database, fn: () => T): T {
  return db.inTransaction ? fn() : db.transaction(fn)()
}

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

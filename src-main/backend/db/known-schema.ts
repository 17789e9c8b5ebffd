// What a database of ours looks like at each version: the tables and columns the bundled
// migrations create, worked out by running them on an empty in-memory database. A file offered
// for restore or in a package is ours only if it has every one of them for its version.
import Database from 'better-sqlite3'
import { MIGRATIONS, type Migration } from './migrations'

type Shape = Map<string, Set<string>>
const shapes = new Map<number, Shape>()

function tables(db: Database.Database): string[] {
  return (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[]
  ).map((r) => r.name)
}

function columns(db: Database.Database, table: string): Set<string> {
  const rows = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]
  return new Set(rows.map((r) => r.name))
}

function shapeAt(version: number, migrations: Migration[] = MIGRATIONS): Shape {
  const known = shapes.get(version)
  if (known && migrations === MIGRATIONS) return known
  const db = new Database(':memory:')
  try {
    for (const m of migrations) if (m.version <= version) db.exec(m.sql)
    const shape: Shape = new Map(tables(db).map((t) => [t, columns(db, t)]))
    if (migrations === MIGRATIONS) shapes.set(version, shape)
    return shape
  } finally {
    db.close()
  }
}

/** What is missing for `db` to be our database at its user_version ([] when it is ours). */
export function missingFromSchema(db: Database.Database, version: number): string[] {
  const have = new Set(tables(db))
  const missing: string[] = []
  for (const [table, cols] of shapeAt(version)) {
    if (!have.has(table)) {
      missing.push(`缺少表 ${table}`)
      continue
    }
    const got = columns(db, table)
    for (const c of cols) if (!got.has(c)) missing.push(`表 ${table} 缺少列 ${c}`)
  }
  return missing
}

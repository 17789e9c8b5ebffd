// The bundled migrations: numbered .sql files compiled into the build by Vite, so the app
// never reads SQL from disk at run time.

import type Database from 'better-sqlite3'
import { MIGRATION_STEPS } from './migration-steps'

export interface Migration {
  version: number
  name: string
  sql: string
  /** A JavaScript step run after the SQL, in the same transaction (e.g. filling pinyin keys). */
  after?: (db: Database.Database) => void
}

const files = import.meta.glob<string>('./migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
})

export function parseMigrations(sources: Record<string, string>): Migration[] {
  const list = Object.entries(sources).map(([path, sql]) => {
    const file = path.split('/').pop() ?? path
    const m = /^(\d+)_([\w-]+)\.sql$/.exec(file)
    if (!m) throw new Error(`migration file name must look like 001_name.sql: ${file}`)
    return { version: Number(m[1]), name: m[2] ?? file, sql }
  })
  list.sort((a, b) => a.version - b.version)
  list.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migrations must be numbered 1..N without gaps: ${m.version}`)
  })
  return list
}

export const MIGRATIONS: Migration[] = parseMigrations(files).map((m) => {
  const after = MIGRATION_STEPS[m.version]
  return after ? { ...m, after } : m
})
export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0

import type Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { prep } from '../db/statements'

/** A consistent copy of the live database, taken synchronously (VACUUM INTO). */
export function snapshotTo(db: Database.Database, file: string): void {
  prep(db, 'VACUUM INTO ?').run(file)
}

export function stampedBackupPath(dir: string, reason: string, now = new Date()): string {
  mkdirSync(dir, { recursive: true })
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..+$/, '').replace('T', '-')
  return join(dir, `lianjian-${stamp}-${reason}.sqlite`)
}

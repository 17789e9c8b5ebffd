import type Database from 'better-sqlite3'
import { AppError } from '../../shared/result'
import { log } from '../log'
import type { Migration } from './migrations'

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings the database to the newest version in one transaction: either every pending
 * migration applies or none does. `beforeMigrate` runs first (the caller backs up there).
 */
export function migrate(
  db: Database.Database,
  migrations: Migration[],
  beforeMigrate?: (fromVersion: number) => void,
): { from: number; to: number } {
  const current = schemaVersion(db)
  const latest = migrations.at(-1)?.version ?? 0
  if (current > latest) {
    throw new AppError(
      'DB_TOO_NEW',
      `这个数据文件来自更新版本的联建通（数据版本 ${current}，本程序只支持到 ${latest}）。为保护数据，本程序不会打开它，请升级联建通后再试。`,
    )
  }
  const pending = migrations.filter((m) => m.version > current)
  if (pending.length === 0) return { from: current, to: current }
  if (current > 0) beforeMigrate?.(current)
  let step: Migration | undefined
  try {
    db.transaction(() => {
      for (const m of pending) {
        step = m
        db.exec(m.sql)
        m.after?.(db)
        db.pragma(`user_version = ${m.version}`)
      }
    })()
  } catch (e) {
    // SQLite's own English text stays in the log (it names tables, never personal values); the
    // person gets what happened and what to do.
    log.error(
      `migration ${step?.version ?? '?'} failed: ${e instanceof Error ? e.message : String(e)}`,
    )
    throw new AppError(
      'MIGRATION_FAILED',
      `数据库升级失败（第 ${step?.version ?? '?'} 步「${step?.name ?? ''}」没有完成）。数据文件保持原样未作改动；可以从「数据与备份」恢复升级前自动做的备份，或联系技术支持。`,
    )
  }
  return { from: current, to: latest }
}

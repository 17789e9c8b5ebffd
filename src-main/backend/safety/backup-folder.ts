// Where backups go: <data dir>/backups unless the user chose another folder (a second disk, a
// USB stick). The choice lives in <data dir>/config.json, outside the database, so it is still
// known when the database is damaged. A chosen folder that is gone falls back to the default.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { AppError } from '../../shared/result'
import type { DataPaths } from '../app/data-dir'
import { notWritableReason } from './places'

export interface FolderInfo {
  path: string
  defaultPath: string
  configured: string | null
  fallback: boolean
}

const configFile = (paths: DataPaths) => join(paths.dataDir, 'config.json')

export function readConfig(paths: DataPaths): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(configFile(paths), 'utf8'))
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

function configuredFolder(paths: DataPaths): string | null {
  const v = readConfig(paths).backupDir
  return typeof v === 'string' && v !== '' ? v : null
}

function usable(dir: string): boolean {
  try {
    return statSync(dir).isDirectory() && notWritableReason(dir) === null
  } catch {
    return false
  }
}

export function backupFolder(paths: DataPaths): FolderInfo {
  const configured = configuredFolder(paths)
  const base = { defaultPath: paths.backups, configured }
  if (configured && usable(configured)) return { ...base, path: configured, fallback: false }
  return { ...base, path: paths.backups, fallback: configured !== null }
}

export function fallbackWarning(f: FolderInfo): string | null {
  if (!f.fallback || !f.configured) return null
  return `设置的备份文件夹「${f.configured}」现在无法使用（U 盘或移动硬盘可能已拔出，或没有写入权限）。备份暂时保存在默认文件夹「${f.defaultPath}」中；文件夹恢复可用后会自动改回。`
}

/** Validates and stores the folder (null: back to the default). */
export function setBackupFolder(paths: DataPaths, folder: string | null): FolderInfo {
  let value: string | null = null
  if (folder) {
    if (!isAbsolute(folder))
      throw new AppError(
        'VALIDATION',
        '请填写完整的文件夹路径，例如 D:\\联建通备份 或 /media/u盘/备份',
      )
    const dir = resolve(folder)
    if (dir === resolve(paths.dataDir))
      throw new AppError('VALIDATION', '备份文件夹不能就是数据文件夹本身，请另选一个文件夹')
    // Inside the data folder (.staging, templates, 文档 …) a backup would be swept up, replaced
    // or cleaned with the data it is meant to protect; only the default backups folder is fine.
    const rel = relative(resolve(paths.dataDir), dir)
    if (dir !== resolve(paths.backups) && !rel.startsWith('..') && !isAbsolute(rel))
      throw new AppError(
        'VALIDATION',
        `备份文件夹不能放在数据文件夹「${paths.dataDir}」里面（数据文件夹出问题时备份会一起丢失）。请另选一个文件夹，最好在另一块硬盘或 U 盘上`,
      )
    try {
      mkdirSync(dir, { recursive: true })
    } catch {
      throw new AppError(
        'VALIDATION',
        `无法创建文件夹「${dir}」。请确认磁盘或 U 盘已插好，路径拼写正确。`,
      )
    }
    const why = notWritableReason(dir)
    if (why)
      throw new AppError(
        'VALIDATION',
        `备份文件夹「${dir}」不能使用：${why}。请换一个可以写入的文件夹。`,
      )
    value = dir === resolve(paths.backups) ? null : dir
  }
  const { backupDir: _old, ...rest } = readConfig(paths)
  writeConfig(paths, value === null ? rest : { ...rest, backupDir: value })
  return backupFolder(paths)
}

/** Replaces config.json whole (temp file + rename). */
export function writeConfig(paths: DataPaths, config: Record<string, unknown>): void {
  const file = configFile(paths)
  try {
    writeFileSync(`${file}.tmp`, JSON.stringify(config, null, 2), { mode: 0o600 })
    renameSync(`${file}.tmp`, file)
  } catch {
    throw new AppError('READ_ONLY', '无法保存设置：数据文件夹不可写。请检查数据文件夹的写入权限。')
  }
}

/** Every folder that may hold backups: the one in use and the default (when different). */
export function backupFolders(
  paths: DataPaths,
): { location: 'configured' | 'default'; path: string }[] {
  const f = backupFolder(paths)
  const list: { location: 'configured' | 'default'; path: string }[] = []
  if (f.configured && !f.fallback) list.push({ location: 'configured', path: f.configured })
  if (existsSync(paths.backups)) list.push({ location: 'default', path: paths.backups })
  return list
}

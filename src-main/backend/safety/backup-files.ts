// The backup folder as a catalogue: file names carry the time and kind
// (lianjian-20261124-193212-daily.sqlite), a sidecar .json carries the versions and record
// counts; rotation keeps 7 daily, 4 weekly and 12 monthly automatic copies.
import dayjs from 'dayjs'
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupEntry, BackupKind } from '../../shared/schemas/safety.schema'

const NAME = /^lianjian-(\d{8})-(\d{6})-([a-z][\w-]*)\.sqlite$/

export interface Sidecar {
  kind: BackupKind
  createdAt: string
  appVersion: string
  schemaVersion: number
  counts: { table: string; label: string; count: number }[]
}

/** Kind from the name; also reads the names earlier versions wrote (before-upgrade-v3 …). */
function kindOf(tail: string): BackupKind | null {
  const t = tail.replace(/^before-/, '')
  for (const k of ['daily', 'manual', 'upgrade', 'import', 'restore'] as const)
    if (t === k || t.startsWith(`${k}-`)) return k
  return null
}

export function parseBackupName(name: string): { kind: BackupKind; createdAt: Date } | null {
  const m = NAME.exec(name)
  if (!m) return null
  const kind = kindOf(m[3] ?? '')
  const d = m[1] ?? ''
  const t = m[2] ?? ''
  const date = new Date(
    Number(d.slice(0, 4)),
    Number(d.slice(4, 6)) - 1,
    Number(d.slice(6, 8)),
    Number(t.slice(0, 2)),
    Number(t.slice(2, 4)),
    Number(t.slice(4, 6)),
  )
  if (!kind || Number.isNaN(date.getTime())) return null
  return { kind, createdAt: date }
}

/** A new, unused name in `dir` for a copy of `kind` taken at `now` (local time). */
export function newBackupName(dir: string, kind: BackupKind, now = new Date()): string {
  const stamp = dayjs(now).format('YYYYMMDD-HHmmss')
  for (let n = 1; ; n++) {
    const name = `lianjian-${stamp}-${kind}${n === 1 ? '' : `-${n}`}.sqlite`
    if (!existsSync(join(dir, name)) && !existsSync(join(dir, `${name}.part`))) return name
  }
}

function readSidecar(file: string): Sidecar | null {
  try {
    return JSON.parse(readFileSync(`${file}.json`, 'utf8')) as Sidecar
  } catch {
    return null
  }
}

export function listFolder(dir: string, location: 'configured' | 'default'): BackupEntry[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const out: BackupEntry[] = []
  for (const name of names) {
    const parsed = parseBackupName(name)
    if (!parsed) continue
    const file = join(dir, name)
    let size: number
    try {
      size = statSync(file).size
    } catch {
      continue
    }
    const side = readSidecar(file)
    out.push({
      id: `${location}/${name}`,
      name,
      folder: dir,
      kind: parsed.kind,
      createdAt: side?.createdAt ?? parsed.createdAt.toISOString(),
      size,
      schemaVersion: side?.schemaVersion ?? null,
      appVersion: side?.appVersion ?? null,
      counts: side?.counts ?? null,
    })
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

export function removeBackupFile(file: string): void {
  rmSync(file, { force: true })
  rmSync(`${file}.json`, { force: true })
}

export const KEEP = { daily: 7, weekly: 4, monthly: 12 }

/**
 * Automatic copies (every kind but manual) to delete: kept are the newest copy of each of the
 * last 7 days, 4 weeks and 12 months that have copies, and anything under a day old (so the
 * copy taken before an import minutes ago survives the next automatic copy). Manual copies
 * stay until the user deletes them.
 */
export function rotationVictims(
  entries: { name: string; kind: BackupKind; createdAt: Date }[],
  now = new Date(),
): string[] {
  const auto = entries
    .filter((e) => e.kind !== 'manual')
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
  const keep = new Set<string>()
  const bucket = (fmt: (d: dayjs.Dayjs) => string, count: number) => {
    const seen = new Set<string>()
    for (const e of auto) {
      const key = fmt(dayjs(e.createdAt))
      if (seen.has(key)) continue
      if (seen.size >= count) break
      seen.add(key)
      keep.add(e.name)
    }
  }
  bucket((d) => d.format('YYYY-MM-DD'), KEEP.daily)
  // Weeks start on Monday (the Chinese office week).
  bucket((d) => d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD'), KEEP.weekly)
  bucket((d) => d.format('YYYY-MM'), KEEP.monthly)
  for (const e of auto) if (now.getTime() - e.createdAt.getTime() < 86_400_000) keep.add(e.name)
  return auto.filter((e) => !keep.has(e.name)).map((e) => e.name)
}

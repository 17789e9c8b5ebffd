// The app's only logger. Callers pass fixed wording plus codes and ids — never names, phones,
// ID numbers or free text from the registers. Lines go to the console and, once a door has
// opened its data folder, to a size-capped, rotated file under `logs/` so that the error
// reference a user reads out leads somewhere in a packaged app.
import { appendFileSync, chmodSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'

type Level = 'info' | 'warn' | 'error'

/** Rotate when the file passes this size; keep this many older files beside it. */
export const LOG_MAX_BYTES = 512 * 1024
export const LOG_KEEP = 3
const RECENT_MAX = 20

let quiet = false
let file: string | null = null
const recent: string[] = []

export function setQuietLog(value: boolean): void {
  quiet = value
}

/** Also write to `<dir>/lianjian.log` (created private to the user); null stops it. */
export function logToFolder(dir: string | null): string | null {
  file = null
  if (!dir) return null
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    file = join(dir, 'lianjian.log')
  } catch {
    // A read-only or missing folder: the console still gets every line.
  }
  return file
}

export function logFile(): string | null {
  return file
}

/** The last warnings and errors of this run, for 复制诊断信息 (already free of personal data). */
export function recentProblems(): string[] {
  return [...recent]
}

function rotate(path: string): void {
  rmSync(`${path}.${LOG_KEEP}`, { force: true })
  for (let i = LOG_KEEP - 1; i >= 1; i--) {
    try {
      renameSync(`${path}.${i}`, `${path}.${i + 1}`)
    } catch {
      // that generation does not exist yet
    }
  }
  renameSync(path, `${path}.1`)
}

function toFile(line: string): void {
  if (!file) return
  try {
    let size = 0
    try {
      size = statSync(file).size
    } catch {
      size = 0
    }
    if (size > LOG_MAX_BYTES) rotate(file)
    appendFileSync(file, `${line}\n`, { mode: 0o600 })
    if (size === 0) chmodSync(file, 0o600)
  } catch {
    // Logging must never break the operation it describes (full disk, read-only folder).
    file = null
  }
}

function write(level: Level, message: string): void {
  const line = `[${new Date().toISOString()}] ${level.toUpperCase()} ${message}`
  if (level !== 'info') {
    recent.push(line)
    if (recent.length > RECENT_MAX) recent.shift()
  }
  toFile(line)
  if (quiet && level !== 'error') return
  if (level === 'info') console.log(line)
  else console.error(line)
}

/**
 * Where an unexpected error happened, as `file:line` frames only: an error's message (and so
 * the first line of its stack) may quote a name or a phone from the registers.
 */
export function stackFrames(e: unknown, max = 6): string {
  if (!(e instanceof Error) || !e.stack) return ''
  const frames: string[] = []
  for (const l of e.stack.split('\n').slice(1)) {
    const m = /\(?([^\s()]+):(\d+):\d+\)?\s*$/.exec(l.trim())
    if (!m || !m[1] || m[1].startsWith('node:')) continue
    frames.push(`${basename(m[1])}:${m[2]}`)
    if (frames.length >= max) break
  }
  return frames.join(' < ')
}

export const log = {
  info: (m: string) => write('info', m),
  warn: (m: string) => write('warn', m),
  error: (m: string) => write('error', m),
}

// Which generated documents this installation may hand to the system opener. A path read from
// the database is never trusted on its own: a restored database or an imported package could
// name any file. Each row is sealed with an HMAC under a key that lives only in this data
// folder (never in the database, backups or packages), so only rows written here verify.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs'
import { extname, isAbsolute, join, relative, sep } from 'node:path'
import type { DataPaths } from '../app/data-dir'

/** The document types this app writes; nothing else is ever opened. */
const OPENABLE_EXTENSIONS = new Set(['.docx', '.pdf'])

const KEY_FILE = '.document-key'
const keys = new Map<string, Buffer>()

/** This installation's key, created on first use, readable by the user only. */
function installKey(paths: DataPaths): Buffer {
  const cached = keys.get(paths.dataDir)
  if (cached) return cached
  const file = join(paths.dataDir, KEY_FILE)
  let key: Buffer | undefined
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim()
    if (/^[0-9a-f]{64}$/.test(text)) key = Buffer.from(text, 'hex')
  }
  if (!key) {
    key = randomBytes(32)
    try {
      mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 })
      writeFileSync(file, key.toString('hex'), { mode: 0o600 })
    } catch {
      // A read-only data folder: documents made in this run open in this run only.
    }
  }
  keys.set(paths.dataDir, key)
  return key
}

export function sealPath(paths: DataPaths, path: string): string {
  return createHmac('sha256', installKey(paths)).update(`document\0${path}`).digest('hex')
}

/** A path the opener may be given without touching the network or a device. */
function plainLocalPath(path: string): boolean {
  // \\server\share and //server/share are UNC paths: even existsSync on one reaches out to the
  // network on Windows. \\?\ and \\.\ device paths are refused for the same reason.
  if (/^[\\/]{2}/.test(path)) return false
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1F]/.test(path)) return false
  return isAbsolute(path) && OPENABLE_EXTENSIONS.has(extname(path).toLowerCase())
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.includes(`..${sep}`)
}

/** Rows from before seals existed count only when they sit in the documents folder itself. */
function legacyInsideDocuments(paths: DataPaths, path: string): boolean {
  if (!inside(paths.documents, path)) return false
  try {
    if (lstatSync(path).isSymbolicLink()) return false
    return inside(realpathSync(paths.documents), realpathSync(path))
  } catch {
    return false
  }
}

/** True when this installation wrote `path` (by its seal) and it is a document type we make. */
export function mayOpen(paths: DataPaths, path: string, seal: string): boolean {
  if (!plainLocalPath(path)) return false
  if (!seal) return legacyInsideDocuments(paths, path)
  const want = Buffer.from(sealPath(paths, path), 'hex')
  const got = Buffer.from(seal, 'hex')
  return got.length === want.length && timingSafeEqual(got, want)
}

// Broken and hostile data packages and restore files, built from a real exported package:
// each must be refused with its Chinese message, leaving the current data as it was.
import Database from 'better-sqlite3'
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeZip, unzipAll, type RawEntry } from './zip-writer'

export interface Base {
  zip: Buffer
  entries: RawEntry[]
  manifest: {
    schemaVersion: number
    formatVersion: number
    files: { path: string; size: number; sha256: string }[]
  } & Record<string, unknown>
  db: Buffer
}

export interface FileCase {
  name: string
  data: (base: Base) => Buffer
  error: RegExp
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

export function baseFrom(zip: Buffer): Base {
  const entries = unzipAll(zip)
  const manifest = JSON.parse(
    entries.find((e) => e.name === 'manifest.json')?.data.toString('utf8') ?? '{}',
  ) as Base['manifest']
  const db = entries.find((e) => e.name === 'lianjian.sqlite')?.data ?? Buffer.alloc(0)
  return { zip, entries, manifest, db }
}

/** Rebuilds the package with changed entries and a manifest (re-hashed unless told not to). */
export function repack(
  base: Base,
  opts: {
    db?: Buffer
    extra?: RawEntry[]
    manifest?: (m: Base['manifest']) => void
    rehash?: boolean
  },
) {
  const db = opts.db ?? base.db
  const others = base.entries.filter(
    (e) => e.name !== 'manifest.json' && e.name !== 'lianjian.sqlite',
  )
  const files = [{ name: 'lianjian.sqlite', data: db }, ...others, ...(opts.extra ?? [])]
  const m = structuredClone(base.manifest)
  if (opts.rehash !== false)
    m.files = files
      .filter((f) => !f.name.endsWith('/'))
      .map((f) => ({ path: f.name, size: f.data.length, sha256: sha(f.data) }))
  opts.manifest?.(m)
  return writeZip([...files, { name: 'manifest.json', data: Buffer.from(JSON.stringify(m)) }])
}

/** The package's database with an SQL change applied. */
export function dbWith(base: Base, sql: (db: Database.Database) => void): Buffer {
  const file = join(tmpdir(), `corpus-${process.pid}-${Date.now()}-${Math.random()}.sqlite`)
  try {
    writeFileSync(file, base.db)
    const db = new Database(file)
    sql(db)
    db.close()
    return readFileSync(file)
  } finally {
    rmSync(file, { force: true })
  }
}

export function damaged(db: Buffer): Buffer {
  const copy = Buffer.from(db)
  copy.fill(0xa5, 4096, Math.min(copy.length, 4096 * 4))
  return copy
}

export const NEWER = /来自更新版本的联建通/

export const PACKAGE_CASES: FileCase[] = [
  { name: 'empty file', data: () => Buffer.alloc(0), error: /数据包是空文件/ },
  {
    name: 'not a zip',
    data: () => Buffer.from('这是一个文本文件'),
    error: /不是联建通数据包（不是 \.zip 文件）/,
  },
  {
    name: 'truncated',
    data: (b) => b.zip.subarray(0, Math.floor(b.zip.length / 2)),
    error: /数据包不完整/,
  },
  {
    name: 'no manifest',
    data: (b) => writeZip(b.entries.filter((e) => e.name !== 'manifest.json')),
    error: /缺少清单文件 manifest\.json/,
  },
  {
    name: 'manifest is not JSON',
    data: (b) =>
      writeZip([
        ...b.entries.filter((e) => e.name !== 'manifest.json'),
        { name: 'manifest.json', data: Buffer.from('{not json') },
      ]),
    error: /清单文件已损坏或格式不对/,
  },
  {
    name: 'manifest of another format',
    data: (b) => repack(b, { manifest: (m) => (m.format = 'someone-else') }),
    error: /清单格式不对/,
  },
  {
    name: 'manifest missing fields',
    data: (b) =>
      writeZip([
        ...b.entries.filter((e) => e.name !== 'manifest.json'),
        { name: 'manifest.json', data: Buffer.from('{"format":"lianjiantong-data-package"}') },
      ]),
    error: /清单文件已损坏或格式不对/,
  },
  {
    name: 'newer schema version',
    data: (b) => repack(b, { manifest: (m) => (m.schemaVersion += 1) }),
    error: NEWER,
  },
  {
    name: 'newer package format',
    data: (b) => repack(b, { manifest: (m) => (m.formatVersion = 2) }),
    error: NEWER,
  },
  {
    name: 'database hash does not match',
    data: (b) =>
      repack(b, {
        db: Buffer.concat([b.db.subarray(0, -1), Buffer.from([b.db.at(-1) === 1 ? 2 : 1])]),
        rehash: false,
      }),
    error: /「lianjian\.sqlite」校验不符/,
  },
  {
    name: 'size in manifest wrong',
    data: (b) =>
      repack(b, {
        manifest: (m) => {
          const f = m.files[0]
          if (f) f.size += 1
        },
      }),
    error: /校验不符/,
  },
  {
    name: 'template hash does not match',
    data: (b) =>
      repack(b, {
        extra: [{ name: 'templates/a.docx', data: Buffer.from('x') }],
        manifest: (m) => {
          const f = m.files.find((x) => x.path === 'templates/a.docx')
          if (f) f.sha256 = '0'.repeat(64)
        },
      }),
    error: /「templates\/a\.docx」校验不符/,
  },
  {
    name: 'extra file not in manifest',
    data: (b) =>
      repack(b, {
        extra: [{ name: 'templates/x.docx', data: Buffer.from('x') }],
        manifest: (m) => (m.files = m.files.filter((f) => f.path !== 'templates/x.docx')),
      }),
    error: /多出了「templates\/x\.docx」/,
  },
  {
    name: 'manifest lists a missing file',
    data: (b) =>
      repack(b, {
        manifest: (m) =>
          m.files.push({ path: 'templates/gone.docx', size: 1, sha256: '0'.repeat(64) }),
      }),
    error: /缺少「templates\/gone\.docx」/,
  },
  {
    name: 'path traversal ../',
    data: (b) => repack(b, { extra: [{ name: '../../evil.sh', data: Buffer.from('rm -rf /') }] }),
    error: /不安全的文件路径「\.\.\/\.\.\/evil\.sh」/,
  },
  {
    name: 'absolute path',
    data: (b) => repack(b, { extra: [{ name: '/etc/cron.d/evil', data: Buffer.from('x') }] }),
    error: /不安全的文件路径/,
  },
  {
    name: 'traversal inside templates/',
    data: (b) =>
      repack(b, { extra: [{ name: 'templates/../../lianjian.sqlite', data: Buffer.from('x') }] }),
    error: /不安全的文件路径/,
  },
  {
    name: 'Windows drive path',
    data: (b) => repack(b, { extra: [{ name: 'C:\\Windows\\evil.dll', data: Buffer.from('x') }] }),
    error: /不安全的文件路径/,
  },
  {
    name: 'backslash traversal',
    data: (b) =>
      repack(b, { extra: [{ name: 'templates\\..\\..\\evil', data: Buffer.from('x') }] }),
    error: /不安全的文件路径/,
  },
  {
    name: 'control characters in a name',
    data: (b) => repack(b, { extra: [{ name: 'templates/a\u0000.docx', data: Buffer.from('x') }] }),
    error: /不安全的文件路径「templates\/a\?\.docx」/,
  },
  {
    name: 'duplicate entry names',
    data: (b) => writeZip([...b.entries, { name: 'lianjian.sqlite', data: Buffer.from('second') }]),
    error: /重名的文件「lianjian\.sqlite」/,
  },
  {
    name: 'lying zip bomb inside',
    data: (b) =>
      repack(b, {
        extra: [
          { name: 'templates/bomb.docx', data: Buffer.alloc(200 * 1024 * 1024), declaredSize: 100 },
        ],
        rehash: false,
        manifest: (m) =>
          m.files.push({ path: 'templates/bomb.docx', size: 100, sha256: '0'.repeat(64) }),
      }),
    error: /实际大小与声明不符/,
  },
  {
    name: 'honest zip bomb inside',
    data: (b) =>
      repack(b, {
        extra: [{ name: 'templates/bomb.docx', data: Buffer.alloc(100 * 1024 * 1024) }],
      }),
    error: /压缩比异常/,
  },
  {
    name: 'encrypted entry',
    data: (b) =>
      writeZip(b.entries.map((e) => (e.name === 'lianjian.sqlite' ? { ...e, flags: 1 } : e))),
    error: /设置了密码/,
  },
  {
    name: 'huge manifest',
    data: (b) => repack(b, { manifest: (m) => (m.padding = 'x'.repeat(2 * 1024 * 1024)) }),
    error: /清单文件大得不正常/,
  },
  {
    name: 'database is not SQLite (hashes right)',
    data: (b) => repack(b, { db: randomBytes(8192) }),
    error: /不是数据库文件/,
  },
  {
    name: 'database damaged (hashes right)',
    data: (b) => repack(b, { db: damaged(b.db) }),
    error: /已损坏/,
  },
  {
    name: 'database newer than its manifest says',
    data: (b) =>
      repack(b, {
        db: dbWith(b, (d) => d.pragma(`user_version = ${b.manifest.schemaVersion + 1}`)),
      }),
    error: /数据版本对不上|更新版本/,
  },
  {
    name: 'database of another program',
    data: (b) => repack(b, { db: dbWith(b, (d) => d.exec('DROP TABLE settings')) }),
    error: /不是联建通的数据文件/,
  },
  {
    name: 'no database at all',
    data: (b) =>
      writeZip([
        { name: 'manifest.json', data: Buffer.from(JSON.stringify({ ...b.manifest, files: [] })) },
      ]),
    error: /没有数据文件 lianjian\.sqlite/,
  },
]

// Packages whose every hash is right but which carry something foreign: a script among the
// templates, a template with a macro or outside links. Refused by name, nothing changed.
import Database from 'better-sqlite3'
import { readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dbWith, repack, type FileCase } from './package-corpus'
import { HOSTILE_TEMPLATES } from './template-corpus'

export const FOREIGN_PACKAGE_CASES: FileCase[] = [
  {
    name: 'a shell script among the templates (hashes right)',
    data: (b) =>
      repack(b, {
        extra: [{ name: 'templates/minutes/纪要.sh', data: Buffer.from('#!/bin/sh\nid\n') }],
      }),
    error: /不是 Word 模板的文件「templates\/minutes\/纪要\.sh」/,
  },
  {
    name: 'a Windows program named like a document (hashes right)',
    data: (b) =>
      repack(b, { extra: [{ name: 'templates/纪要.docx.exe', data: Buffer.from('MZ') }] }),
    error: /不是 Word 模板的文件/,
  },
  ...HOSTILE_TEMPLATES.map((t) => ({
    name: `template with ${t.name} (hashes right)`,
    data: (b: Parameters<FileCase['data']>[0]) =>
      repack(b, { extra: [{ name: 'templates/minutes/坏模板.docx', data: t.data() }] }),
    error: new RegExp(`模板「templates/minutes/坏模板\\.docx」不安全.*${t.error.source}`),
  })),
]

/** Any SQLite file that merely has a settings table and a plausible user_version. */
function settingsOnly(version: number): Buffer {
  const file = join(tmpdir(), `foreign-${process.pid}-${Date.now()}-${Math.random()}.sqlite`)
  try {
    const db = new Database(file)
    db.exec('CREATE TABLE settings (id INTEGER PRIMARY KEY, community_name TEXT)')
    db.pragma(`user_version = ${version}`)
    db.close()
    return readFileSync(file)
  } finally {
    rmSync(file, { force: true })
  }
}

const NOT_OURS = /不是联建通的数据文件/

/** Databases that pass integrity_check and have a settings table, but are not ours. */
const FOREIGN_DATABASES: { name: string; db: (b: Parameters<FileCase['data']>[0]) => Buffer }[] = [
  { name: 'only a settings table, version 1', db: () => settingsOnly(1) },
  {
    name: 'only a settings table, current version',
    db: (b) => settingsOnly(b.manifest.schemaVersion),
  },
  {
    name: 'ours with a register table dropped',
    db: (b) => dbWith(b, (d) => d.exec('DROP TABLE meeting_topics')),
  },
  {
    name: 'ours with a column missing',
    db: (b) => dbWith(b, (d) => d.exec('ALTER TABLE generated_documents DROP COLUMN operator')),
  },
]

export const FOREIGN_RESTORE_CASES: FileCase[] = FOREIGN_DATABASES.map((f) => ({
  name: `restore: ${f.name}`,
  data: f.db,
  error: NOT_OURS,
}))

FOREIGN_PACKAGE_CASES.push(
  ...FOREIGN_DATABASES.map((f) => ({
    name: `database ${f.name} (hashes right)`,
    data: (b: Parameters<FileCase['data']>[0]) => repack(b, { db: f.db(b) }),
    error: NOT_OURS,
  })),
)

// Files offered for restore that must be refused: not a database, not ours, damaged, newer.
import { damaged, dbWith, NEWER, type FileCase } from './package-corpus'

export const RESTORE_CASES: FileCase[] = [
  {
    name: 'restore: text file',
    data: () => Buffer.from('不是数据库'.repeat(500)),
    error: /不能用于恢复：不是数据库文件/,
  },
  {
    name: 'restore: empty file',
    data: () => Buffer.alloc(0),
    error: /不能用于恢复：不是联建通的数据文件/,
  },
  {
    name: "restore: another program's database",
    data: (b) => dbWith(b, (d) => d.exec('DROP TABLE settings')),
    error: /不是联建通的数据文件/,
  },
  { name: 'restore: damaged backup', data: (b) => damaged(b.db), error: /不能用于恢复/ },
  {
    name: 'restore: newer version',
    data: (b) => dbWith(b, (d) => d.pragma(`user_version = ${b.manifest.schemaVersion + 5}`)),
    error: NEWER,
  },
  {
    name: 'restore: a zip instead of a backup',
    data: (b) => b.zip,
    error: /不能用于恢复：不是数据库文件/,
  },
]

// Broken and hostile CSV files: encodings, binary garbage, size limits, formula injection.
import { randomBytes } from 'node:crypto'
import { csv, gbk, good, OLE, type SheetCase } from './sheet-builders'

export const CSV_CASES: SheetCase[] = [
  {
    name: 'CSV: only a BOM',
    fileName: 'a.csv',
    data: () => Buffer.from([0xef, 0xbb, 0xbf]),
    error: /没有找到表头/,
  },
  {
    name: 'CSV: binary garbage with NUL bytes',
    fileName: 'a.csv',
    data: () => Buffer.concat([randomBytes(3000), Buffer.alloc(10)]),
    error: /文件内容不是文字/,
  },
  {
    name: 'CSV: high-byte garbage without NUL',
    fileName: 'a.csv',
    data: () => Buffer.from(Array.from({ length: 5000 }, (_, i) => 0x80 + (i % 127))),
    error: /没有找到表头/,
  },
  {
    name: 'CSV: UTF-16 「Unicode 文本」 from Excel',
    fileName: 'a.csv',
    data: () =>
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('姓名\t联系电话\t状态\r\n张三\t13812345678\t在册\r\n', 'utf16le'),
      ]),
    preview: { total: 1 },
  },
  {
    name: 'CSV: UTF-16 big-endian',
    fileName: 'a.csv',
    data: () => {
      const le = Buffer.from('姓名,联系电话,状态\n张三,13812345678,在册\n', 'utf16le')
      for (let i = 0; i < le.length; i += 2) le.writeUInt16BE(le.readUInt16LE(i), i)
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le])
    },
    preview: { total: 1 },
  },
  {
    name: 'CSV: GBK',
    fileName: 'a.csv',
    data: () => Buffer.from(gbk('姓名,联系电话,状态\n张三,13812345678,在册\n')),
    preview: { total: 1 },
  },
  {
    name: 'CSV: unbalanced quotes',
    fileName: 'a.csv',
    data: () => csv('姓名,联系电话,状态\n"张三,13812345678,在册\n"李四",139"1,在册\n'),
    preview: { total: 1, issue: /电话/ },
  },
  {
    name: 'CSV: 60,000 rows',
    fileName: 'a.csv',
    data: () => csv(`姓名,联系电话\n${'张三,13812345678\n'.repeat(60_000)}`),
    error: /行数过多/,
  },
  {
    name: 'CSV: 15 MB in one cell',
    fileName: 'a.csv',
    data: () => csv(`姓名,联系电话,状态\n"${'长'.repeat(5_000_000)}",13812345678,在册\n`),
    preview: { total: 1, issue: /姓名不能超过/ },
  },
  {
    name: 'CSV: too big (21 MB)',
    fileName: 'a.csv',
    data: () => Buffer.alloc(21 * 1024 * 1024, 0x41),
    error: /文件太大/,
  },
  {
    name: 'CSV: actually an .xlsx',
    fileName: 'a.csv',
    data: () => good(),
    error: /扩展名却是 \.csv/,
  },
  { name: 'CSV: actually an old .xls', fileName: 'a.csv', data: () => OLE, error: /旧版 \.xls/ },
  {
    name: 'CSV: formula injection incl. tab and CR',
    fileName: 'a.csv',
    data: () =>
      csv(
        `姓名,联系电话,状态,备注\n${['=1+1', '@SUM(A1)', '\t=1+2', '"\r=1+3"', '-1-1', '+1'].map((d, i) => `表格居民${i},1392000000${i},在册,${d}`).join('\n')}\n`,
      ),
    preview: { total: 6 },
    neutralised: ['=1+1', '@SUM(A1)', '-1-1', '+1'],
  },
  {
    name: 'CSV: control characters in cells',
    fileName: 'a.csv',
    data: () => csv(`姓名,联系电话,状态\n张\u0007三\u001b[31m,13812345678,在册\n`),
    preview: { total: 1 },
  },
  {
    name: 'CSV: ten thousand columns',
    fileName: 'a.csv',
    data: () =>
      csv(
        `${['姓名', '联系电话', ...Array.from({ length: 10_000 }, (_, i) => `c${i}`)].join(',')}\n张三,13812345678\n`,
      ),
    preview: { total: 1 },
  },
]

// Broken and hostile spreadsheets (.xlsx / .csv), generated here rather than committed:
// each with the Chinese message the import must end in, or a check of what it must accept.
import { randomBytes } from 'node:crypto'
import { BIG_SHEET_CASES } from './big-sheet-corpus'
import { CSV_CASES } from './csv-corpus'
import {
  BROKEN,
  csv,
  DANGER,
  good,
  HEADER,
  inline,
  NOT_EXCEL,
  OLE,
  randomHan,
  SHEET,
  sheetXml,
  withPart,
  xlsx,
  type SheetCase,
} from './sheet-builders'
import ExcelJS from 'exceljs'
import { writeZip, unzipAll } from './zip-writer'

export type { SheetCase }

const XLSX_CASES: SheetCase[] = [
  { name: 'empty .xlsx', fileName: 'a.xlsx', data: () => Buffer.alloc(0), error: /文件是空的/ },
  {
    name: 'text named .xlsx',
    fileName: 'a.xlsx',
    data: () => csv('姓名,电话\n张三,1'),
    error: NOT_EXCEL,
  },
  {
    name: 'a PNG named .xlsx',
    fileName: 'a.xlsx',
    data: () => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(2000)]),
    error: NOT_EXCEL,
  },
  {
    name: 'truncated to half',
    fileName: 'a.xlsx',
    data: async () => (await good()).subarray(0, 3000),
    error: /不完整（可能下载或拷贝时中断了）/,
  },
  {
    name: 'last bytes cut off',
    fileName: 'a.xlsx',
    data: async () => {
      const b = await good()
      return b.subarray(0, b.length - 10)
    },
    error: /不完整/,
  },
  {
    name: 'central directory points nowhere',
    fileName: 'a.xlsx',
    data: async () => {
      const b = Buffer.from(await good())
      b.writeUInt32LE(b.length - 30, b.length - 6)
      return b
    },
    error: /已损坏（目录结构不完整）/,
  },
  {
    name: 'honest zip bomb (ratio > 1000)',
    fileName: 'a.xlsx',
    data: () => withPart(SHEET, Buffer.alloc(50 * 1024 * 1024, 32)),
    error: /压缩比异常/,
  },
  {
    name: 'lying zip bomb (declares 1 KB, inflates 300 MB)',
    fileName: 'a.xlsx',
    data: () => withPart(SHEET, Buffer.alloc(300 * 1024 * 1024, 32), { declaredSize: 1000 }),
    error: /实际大小与声明不符/,
  },
  {
    name: 'declares 250 MB inflated',
    fileName: 'a.xlsx',
    data: () =>
      withPart('xl/media/big.bin', randomBytes(300 * 1024), {
        deflate: false,
        declaredSize: 250 * 1024 * 1024,
      }),
    error: /解压后过大|压缩比异常/,
  },
  {
    name: '3000 entries',
    fileName: 'a.xlsx',
    data: () =>
      writeZip(
        Array.from({ length: 3000 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from('<a/>') })),
      ),
    error: /内部文件过多/,
  },
  {
    name: 'old .xls renamed .xlsx',
    fileName: 'a.xlsx',
    data: () => OLE,
    error: /旧版 \.xls 文件，或设置了打开密码/,
  },
  {
    name: 'password-protected workbook',
    fileName: '加密.xlsx',
    data: () => Buffer.concat([OLE, Buffer.from('EncryptedPackage', 'utf16le')]),
    error: /设置了打开密码/,
  },
  {
    name: 'encrypted zip entry',
    fileName: 'a.xlsx',
    data: () => withPart(SHEET, sheetXml(''), { flags: 1 }),
    error: /设置了密码（已加密）/,
  },
  {
    name: 'zip of something else',
    fileName: 'a.xlsx',
    data: () => writeZip([{ name: 'readme.txt', data: Buffer.from('hello') }]),
    error: BROKEN,
  },
  {
    name: 'broken CRC',
    fileName: 'a.xlsx',
    data: async () => {
      const e = unzipAll(await good())
      const z = writeZip(e)
      const i = z.lastIndexOf(Buffer.from(SHEET))
      z.writeUInt32LE(0xdeadbeef, i - 30)
      return z
    },
    error: /已损坏（其中的.*无法读取）/,
  },
  {
    name: 'malformed sheet XML',
    fileName: 'a.xlsx',
    data: () => withPart(SHEET, '<worksheet><sheetData><row><c><v>1</'),
    error: /没有找到表头|已损坏/,
  },
  {
    name: 'deeply nested XML (200k levels)',
    fileName: 'a.xlsx',
    data: () =>
      withPart(
        SHEET,
        sheetXml(`<row r="1">${'<x>'.repeat(200_000)}${'</x>'.repeat(200_000)}</row>`),
      ),
    error: /没有找到表头|已损坏/,
  },
  {
    name: 'billion laughs entity expansion',
    fileName: 'a.xlsx',
    data: () =>
      withPart(
        SHEET,
        `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${inline(1, 'A', '&lol9;')}</row></sheetData></worksheet>`,
      ),
    error: /没有找到表头|已损坏/,
  },
  {
    name: 'external entity (XXE)',
    fileName: 'a.xlsx',
    data: () =>
      withPart(
        SHEET,
        `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${inline(1, 'A', '姓名')}${inline(1, 'B', '&xxe;')}</row></sheetData></worksheet>`,
      ),
    error: /没有找到表头|已损坏/,
  },
  {
    name: 'declares row 1,000,000',
    fileName: 'a.xlsx',
    data: () =>
      withPart(
        SHEET,
        sheetXml(
          `<row r="1">${inline(1, 'A', '姓名')}${inline(1, 'B', '联系电话')}</row><row r="1000000">${inline(1000000, 'A', '张三')}</row>`,
        ),
      ),
    error: /行数过多（超过 50000 行）/,
  },
  {
    name: '60,000 real rows',
    fileName: 'a.xlsx',
    data: () =>
      withPart(
        SHEET,
        sheetXml(
          Array.from(
            { length: 60_000 },
            (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
          ).join(''),
        ),
      ),
    error: /行数过多/,
  },
  {
    name: '3 MB of text in one cell',
    fileName: 'a.xlsx',
    data: () => xlsx([HEADER, [randomHan(1_000_000), '13812345678', '在册']]),
    preview: { total: 1, issue: /姓名不能超过 \d+ 个字/ },
  },
  {
    name: 'wrong types everywhere',
    fileName: 'a.xlsx',
    data: () =>
      xlsx([
        [...HEADER, '出生年月', '身份证号'],
        [12345, true, '在册', '去年春天', 'abc'],
      ]),
    preview: { total: 1, issue: /出生年月|身份证号|电话/ },
  },
  {
    name: '18-digit ID stored as a number',
    fileName: 'a.xlsx',
    data: () =>
      xlsx([
        [...HEADER, '身份证号'],
        ['张三', '13812345678', '在册', Number('440981199001011234')],
      ]),
    preview: { total: 1, issue: /存成了数字，末几位已经丢失/ },
  },
  {
    name: 'formula-injection text cells',
    fileName: 'a.xlsx',
    data: () =>
      xlsx([
        [...HEADER, '备注'],
        ...DANGER.map((d, i) => [`居民${i}`, `1391000000${i}`, '在册', d]),
      ]),
    preview: { total: DANGER.length },
    neutralised: DANGER,
  },
  {
    name: 'real formula cells with dangerous results',
    fileName: 'a.xlsx',
    data: async () => {
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet('s')
      ws.addRow([...HEADER, '备注'])
      // A person of its own: another case's 张三 imported first would make this row a duplicate.
      ws.addRow(['钱公式', '13812340077', '在册', { formula: 'CONCAT("=","cmd")', result: '=cmd' }])
      return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer)
    },
    preview: { total: 1 },
    neutralised: ['=cmd'],
  },
  {
    name: 'no header row at all',
    fileName: 'a.xlsx',
    data: () =>
      xlsx([
        [1, 2, 3],
        ['a', 'b', 'c'],
      ]),
    error: /在前 15 行里没有找到表头/,
  },
  {
    name: 'header only, no rows',
    fileName: 'a.xlsx',
    data: () => xlsx([HEADER]),
    preview: { total: 0 },
    error: /没有可以导入的行/,
  },
  {
    name: 'workbook with an empty sheet',
    fileName: 'a.xlsx',
    data: () => xlsx([]),
    error: /没有找到表头/,
  },
  {
    name: '300 columns',
    fileName: 'a.xlsx',
    data: () =>
      xlsx([
        [...HEADER, ...Array.from({ length: 297 }, (_, i) => `列${i}`)],
        ['张三', '13812345678', '在册'],
      ]),
    preview: { total: 1 },
  },
  {
    name: 'file named .xls',
    fileName: '台账.xls',
    data: () => OLE,
    error: /暂不支持旧版 \.xls 文件/,
  },
  {
    name: 'file named .pdf',
    fileName: '台账.pdf',
    data: () => Buffer.from('%PDF-1.4'),
    error: /只能导入 \.xlsx 或 \.csv 文件/,
  },
]

export const SHEET_CASES: SheetCase[] = [...XLSX_CASES, ...CSV_CASES, ...BIG_SHEET_CASES]

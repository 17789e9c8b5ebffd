// Broken and hostile spreadsheets end in one clear Chinese message, quickly, with nothing
// written; long imports report progress while the backend keeps answering.
import ExcelJS from 'exceljs'
import PizZip from 'pizzip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../../helpers/temp-backend'
import { sheetFile } from '../../helpers/staged-file'
import { wideSheet } from '../../hostile/big-sheet-corpus'
import { messyTalentsXlsx } from './fixtures'

let b: TestBackend
beforeEach(() => {
  b = testBackend()
})
afterEach(() => b.dispose())

const input = (fileName: string, buf: Buffer) => sheetFile(b, fileName, buf)

async function failure(fileName: string, buf: Buffer): Promise<string> {
  // A file that makes the reader hang fails by the test timeout; speed is the bench's job.
  const r = await b.raw('exchange:preview', await input(fileName, buf))
  expect(r.ok).toBe(false)
  if (r.ok) return ''
  expect(r.error.code).toBe('VALIDATION')
  return r.error.message
}

/** A zip whose one entry is `bytes` of zeros, optionally lying about its inflated size. */
function zeroZip(bytes: number, claimedSize?: number): Buffer {
  const zip = new PizZip()
  zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(bytes))
  const buf = Buffer.from(zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }))
  if (claimedSize !== undefined) {
    buf.writeUInt32LE(claimedSize, 22) // local header
    const cd = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    buf.writeUInt32LE(claimedSize, cd + 24) // central directory
  }
  return buf
}

async function smallXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('s').addRow(['姓名', '联系电话'])
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer)
}

describe('hostile and broken files', () => {
  it('text renamed to .xlsx', async () => {
    expect(await failure('a.xlsx', Buffer.from('姓名,电话\n张三,138'))).toContain(
      '不是有效的 Excel/Word 文件',
    )
  })

  it('a truncated .xlsx (copy interrupted)', async () => {
    const full = await messyTalentsXlsx()
    expect(await failure('a.xlsx', full.subarray(0, Math.floor(full.length / 2)))).toContain(
      '不完整',
    )
  })

  it('a zip bomb that declares its size', async () => {
    expect(await failure('bomb.xlsx', zeroZip(60 * 1024 * 1024))).toMatch(/压缩炸弹|解压后过大/)
  })

  it('a zip bomb that lies about its size is caught before any library inflates it', async () => {
    expect(await failure('liar.xlsx', zeroZip(30 * 1024 * 1024, 4096))).toContain(
      '实际大小与声明不符',
    )
  })

  it('a file over 20 MB', async () => {
    const r = await b.raw(
      'exchange:preview',
      await input('big.csv', Buffer.alloc(21 * 1024 * 1024, 65)),
    )
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('文件太大')
  })

  it('a zip that is not a workbook, an old .xls, an unknown type', async () => {
    const zip = new PizZip()
    zip.file('readme.txt', 'hello')
    const notBook = Buffer.from(zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }))
    expect(await failure('a.xlsx', notBook)).toMatch(/没有工作表|已损坏或不是 .xlsx 格式/)
    expect(await failure('a.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).toContain('另存为」.xlsx')
    expect(await failure('a.pdf', Buffer.from('%PDF-1.4'))).toContain('只能导入 .xlsx 或 .csv')
  })

  it('a CSV with a broken quote, and a sheet without a header row', async () => {
    expect(await failure('a.csv', Buffer.from('姓名,电话\n"张三,138\n'))).toMatch(
      /CSV 文件格式有误|表头/,
    )
    expect(await failure('a.csv', Buffer.from('1,2,3\n4,5,6\n'))).toContain('没有找到表头')
  })

  it('a header with no rows imports nothing and says so', async () => {
    const r = await b.raw('exchange:import', await input('empty.xlsx', await smallXlsx()))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('没有可以导入的行')
    expect((await b.call('talents:list', {})).total).toBe(0)
  })

  it('a CSV over the row limit is refused before any row is checked', async () => {
    const rows = [
      '姓名,联系电话',
      ...Array.from({ length: 50_001 }, (_, i) => `人${i},13900000000`),
    ]
    expect(await failure('many.csv', Buffer.from(rows.join('\n')))).toContain('请分批导入')
  })
})

describe('progress of a long import', () => {
  it('is reported by phase, and other requests are answered while rows are checked', async () => {
    const lines = [
      '姓名,联系电话',
      ...Array.from({ length: 6000 }, (_, i) => `居民${i},139${String(10000000 + i)}`),
    ]
    const file = { ...(await input('big.csv', Buffer.from(lines.join('\n')))), jobId: 'job-test-1' }
    const seen = new Set<string>()
    let finished = false
    const running = b.call('exchange:import', file).then((r) => {
      finished = true
      return r
    })
    while (!finished) {
      const p = await b.call('jobs:progress', { jobId: 'job-test-1' })
      if (p && !finished) seen.add(p.phase)
      await new Promise((r) => setImmediate(r))
    }
    const r = await running
    expect(r.created).toBe(6000)
    expect(seen.has('逐行校验')).toBe(true)
    expect(await b.call('jobs:progress', { jobId: 'job-test-1' })).toEqual({
      phase: '完成',
      done: 6000,
      total: 6000,
    })
    expect(await b.call('jobs:progress', { jobId: 'job-unknown' })).toBeNull()
  })
})

describe('a huge sheet is read streaming', () => {
  // The CSV is refused at its 50,001st row; csv-parse hands records over in microtasks, so that
  // happens without the event loop turning even once (no 10-turn claim for it yet).
  for (const [name, fileName, make, turns] of [
    ['49,000 × 20 xlsx', 'long.xlsx', () => wideSheet(49_000, 20), 10],
    ['20 MB CSV', 'ab.csv', () => Buffer.from('a,b\n'.repeat(5_000_000)), 1],
  ] as const)
    it(`while a ${name} is read, other requests are still answered promptly`, async () => {
      const buf = await make()
      let finished = false
      const running = b.raw('exchange:preview', await input(fileName, buf)).then((r) => {
        finished = true
        return r
      })
      // Counted in event-loop turns, not milliseconds: a reader that took the whole file in one
      // blocking go would let at most one request through before it finished.
      let answers = 0
      while (!finished) {
        await b.call('app:info', {})
        answers++
        await new Promise((r) => setImmediate(r))
      }
      expect((await running).ok).toBe(false)
      expect(answers).toBeGreaterThanOrEqual(turns)
    }, 60_000)
})

describe('the import report quotes cells, never whole ones', () => {
  it('cuts a name as long as Excel allows and a huge bad date to a readable length', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('s')
    ws.addRow(['姓名', '联系电话', '入库日期'])
    ws.addRow(['张'.repeat(1_000_000), '13812345678', '不是日期'.repeat(50_000)])
    const buf = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer)
    const r = await b.call('exchange:preview', await input('huge.xlsx', buf))
    const row = r.rows[0]
    expect(row?.name.length).toBeLessThan(60)
    expect(row?.name).toMatch(/…（共 \d+ 字）$/)
    for (const i of row?.issues ?? []) expect(i.message.length).toBeLessThanOrEqual(201)
    expect(JSON.stringify(r).length).toBeLessThan(20_000)
  })
})

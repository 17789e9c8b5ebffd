// The hostile corpus (test/hostile/): every broken or malicious spreadsheet, data package and
// restore file goes through the real import / preview / package / restore paths and must end
// in its clear Chinese message, in bounded memory, with the data left as it was. A hang fails by
// the test timeout; how fast a path is belongs to `npm run bench`, not to a wall-clock assertion.
import ExcelJS from 'exceljs'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseFrom, PACKAGE_CASES, type Base } from '../../hostile/package-corpus'
import { FOREIGN_PACKAGE_CASES, FOREIGN_RESTORE_CASES } from '../../hostile/foreign-corpus'
import { RESTORE_CASES } from '../../hostile/restore-corpus'
import { SHEET_CASES } from '../../hostile/sheet-corpus'
import { addTalent } from '../../helpers/safety-helpers'
import { testBackend, type TestBackend } from '../../helpers/temp-backend'
import { stageFile } from '../../helpers/staged-file'

// Building the biggest inputs takes longer than feeding them in.
const TEST_TIMEOUT_MS = 90_000
const MEMORY_LIMIT_MB = 600
const DANGEROUS = /^[=+\-@\t\r]/
const outcomes: string[] = []

let b: TestBackend
let base: Base
let talents = 0

beforeAll(async () => {
  b = testBackend()
  await b.call('settings:save', {
    community_name: '锦华社区',
    street_name: '青云街道',
    party_org_name: '中共锦华社区委员会',
  })
  for (let i = 0; i < 3; i++) await addTalent(b, `原有${i}`, `1380000000${i}`)
  const r = await b.call('safety:package-export', {})
  const chunk = await b.call('safety:download', { fileName: r.fileName, offset: 0 })
  base = baseFrom(Buffer.from(chunk.base64, 'base64'))
  talents = count()
}, 30_000)

afterAll(() => {
  b.dispose()
  console.log(`[corpus] ${outcomes.length} inputs:\n${outcomes.join('\n')}`)
})

function count(): number {
  return (
    b.ctx.db.prepare('SELECT count(*) AS n FROM talents WHERE deleted_at IS NULL').get() as {
      n: number
    }
  ).n
}

/** Runs `fn` and checks it stayed within the memory limit. */
async function bounded<T>(fn: () => Promise<T>): Promise<T> {
  const rss = process.memoryUsage().rss
  const r = await fn()
  expect((process.memoryUsage().rss - rss) / 1048576).toBeLessThan(MEMORY_LIMIT_MB)
  return r
}

function message(r: { ok: boolean; error?: { message: string } }): string {
  return r.ok ? '(accepted)' : (r.error?.message ?? '')
}

async function upload(data: Buffer): Promise<string> {
  const uploadId = `corpus-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
  const step = 4 * 1024 * 1024
  let offset = 0
  do {
    await b.call('safety:upload', {
      uploadId,
      offset,
      base64: data.subarray(offset, offset + step).toString('base64'),
    })
    offset += step
  } while (offset < data.length)
  return uploadId
}

async function exportedCells(): Promise<string[]> {
  const r = await b.call('exchange:export', {
    register: 'talents',
    columns: ['name', 'note'],
    masked: true,
  })
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(r.base64, 'base64') as unknown as ArrayBuffer)
  const cells: string[] = []
  wb.worksheets[0]?.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))))
  return cells
}

describe('hostile spreadsheets through import preview and import', () => {
  for (const c of SHEET_CASES) {
    it(
      c.name,
      async () => {
        const data = await c.data()
        const input = {
          register: 'talents',
          fileName: c.fileName,
          uploadId: await stageFile(b, data),
        }
        const before = count()
        const preview = await bounded(() => b.raw('exchange:preview', input))
        if (c.preview) {
          expect(preview.ok, message(preview)).toBe(true)
          const p = preview.ok
            ? (preview.data as { total: number; rows: { issues: { message: string }[] }[] })
            : null
          if (c.preview.total !== undefined) expect(p?.total).toBe(c.preview.total)
          if (c.preview.issue)
            expect(p?.rows.flatMap((r) => r.issues.map((i) => i.message)).join('；')).toMatch(
              c.preview.issue,
            )
        } else {
          expect(preview).toMatchObject({
            ok: false,
            error: { message: expect.stringMatching(c.error ?? /./) },
          })
        }
        const imported = await bounded(() => b.raw('exchange:import', input))
        if (c.error) {
          expect(imported).toMatchObject({
            ok: false,
            error: { message: expect.stringMatching(c.error) },
          })
          expect(count()).toBe(before)
        } else if (c.preview?.issue) {
          expect(imported).toMatchObject({
            ok: false,
            error: { message: expect.stringMatching(/有 \d+ 行存在问题/) },
          })
          expect(count()).toBe(before)
        } else {
          expect(imported.ok, message(imported)).toBe(true)
        }
        if (c.neutralised) {
          const cells = await exportedCells()
          for (const d of c.neutralised) expect(cells).toContain(`'${d}`)
          expect(cells.filter((v) => DANGEROUS.test(v))).toEqual([])
        }
        // Imported, the staged sheet is gone; otherwise it waits until the dialog is closed.
        expect(staged().includes(`upload-${input.uploadId}.part`)).toBe(!imported.ok)
        await b.call('safety:discard-upload', { uploadId: input.uploadId })
        outcomes.push(`  sheet   ${c.name}: ${message(imported.ok ? preview : imported)}`)
      },
      TEST_TIMEOUT_MS,
    )
  }
})

describe('hostile data packages through upload, preview and import', () => {
  for (const c of [...PACKAGE_CASES, ...FOREIGN_PACKAGE_CASES]) {
    it(
      c.name,
      async () => {
        const uploadId = await upload(c.data(base))
        const preview = await bounded(() => b.raw('safety:package-preview', { uploadId }))
        expect(preview).toMatchObject({
          ok: false,
          error: { message: expect.stringMatching(c.error) },
        })
        const imported = await bounded(() => b.raw('safety:package-import', { uploadId }))
        expect(imported).toMatchObject({
          ok: false,
          error: { message: expect.stringMatching(c.error) },
        })
        expect(message(imported)).toContain('当前数据没有改动')
        expect(b.ctx.safety.mode).toBe('normal')
        expect(count()).toBe(talents + importedSoFar())
        expect(staged()).toEqual([])
        outcomes.push(`  package ${c.name}: ${message(imported)}`)
      },
      TEST_TIMEOUT_MS,
    )
  }
})

describe('hostile restore files through upload, inspect and restore', () => {
  for (const c of [...RESTORE_CASES, ...FOREIGN_RESTORE_CASES]) {
    it(
      c.name,
      async () => {
        const uploadId = await upload(c.data(base))
        const inspected = await bounded(() => b.call('safety:inspect', { uploadId }))
        expect(inspected.ok).toBe(false)
        expect(inspected.message).toMatch(c.error)
        const restored = await bounded(() => b.raw('safety:restore', { uploadId }))
        expect(restored).toMatchObject({
          ok: false,
          error: { message: expect.stringMatching(c.error) },
        })
        expect(b.ctx.safety.mode).toBe('normal')
        // The refused copy does not wait a day in the staging folder.
        expect(staged()).toEqual([])
        outcomes.push(`  restore ${c.name}: ${message(restored)}`)
      },
      TEST_TIMEOUT_MS,
    )
  }
})

describe('corpus size', () => {
  it('has at least 101 inputs', () => {
    expect(
      SHEET_CASES.length +
        PACKAGE_CASES.length +
        FOREIGN_PACKAGE_CASES.length +
        RESTORE_CASES.length +
        FOREIGN_RESTORE_CASES.length,
    ).toBeGreaterThanOrEqual(101)
  })
})

/** Whatever is left in the staging folder (uploads, packages, copies). */
function staged(): string[] {
  const dir = join(b.dataDir, '.staging')
  return existsSync(dir) ? readdirSync(dir) : []
}

/** Rows the accepted spreadsheets added (the package cases run after them). */
function importedSoFar(): number {
  return count() - talents
}

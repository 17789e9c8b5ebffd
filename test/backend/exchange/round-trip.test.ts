// Every register of a whole demo community goes out to .xlsx and back into an empty database
// (网格 created on the way in), and comes back identical: ID numbers and phones exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillDemo } from '../../../src-main/backend/demo/demo'
import type { RegisterKey } from '../../../src-main/shared/registers/registers'
import { testBackend, type TestBackend } from '../../helpers/temp-backend'
import { stageFile } from '../../helpers/staged-file'

let source: TestBackend
let target: TestBackend
beforeAll(async () => {
  source = testBackend()
  fillDemo(source.ctx)
  target = testBackend()
  const { updated_at: _u, configured: _c, ...settings } = await source.call('settings:get', {})
  await target.call('settings:save', settings)
})
afterAll(() => {
  source.dispose()
  target.dispose()
})

type Row = Record<string, unknown>
const IGNORED = new Set(['id', 'created_at', 'updated_at', 'grid_id', 'duty_grid_id', 'unit_id'])
// Derived from child lists, which do not travel through Excel.
const ignoredCounts = /_count$|^service_hours$/

async function allRows(b: TestBackend, key: RegisterKey): Promise<Row[]> {
  const rows: Row[] = []
  for (let page = 1; ; page++) {
    const r = (await b.raw(`${key}:list`, { page, pageSize: 100 })) as {
      ok: true
      data: { rows: Row[]; total: number }
    }
    rows.push(...r.data.rows)
    if (rows.length >= r.data.total) return rows
  }
}

function comparable(rows: Row[], nameField: string): Row[] {
  return rows
    .map((r) =>
      Object.fromEntries(
        Object.entries(r).filter(([k]) => !IGNORED.has(k) && !ignoredCounts.test(k)),
      ),
    )
    .sort((a, b) =>
      `${String(a[nameField])}${String(a.phone ?? '')}`.localeCompare(
        `${String(b[nameField])}${String(b.phone ?? '')}`,
      ),
    )
}

// Units first: committee members refer to their unit by name.
const ORDER: [RegisterKey, string][] = [
  ['units', 'name'],
  ['talents', 'name'],
  ['committee', 'name'],
  ['households', 'head_name'],
  ['reported_members', 'name'],
]

describe('round trip of a whole community through Excel', () => {
  it.each(ORDER)(
    '%s: export unmasked, import into a fresh database, identical',
    async (key, nameField) => {
      const columns = (await source.call('exchange:columns', { register: key })).columns.map(
        (c) => c.key,
      )
      const file = await source.call('exchange:export', { register: key, columns, masked: false })
      const before = await allRows(source, key)
      expect(file.count).toBe(before.length)
      const input = {
        register: key,
        fileName: file.fileName,
        uploadId: await stageFile(target, Buffer.from(file.base64, 'base64')),
        createGrids: true,
      }
      const preview = await target.call('exchange:preview', input)
      expect(preview.invalid, JSON.stringify(preview.rows.slice(0, 3))).toBe(0)
      const r = await target.call('exchange:import', input)
      expect(r.created).toBe(before.length)
      const after = await allRows(target, key)
      expect(comparable(after, nameField)).toEqual(comparable(before, nameField))
      // Links by name survive: the grid and unit names read the same on both sides.
      const names = (rows: Row[]) =>
        rows.map((x) => `${String(x.grid_name ?? '')}|${String(x.unit_name ?? '')}`).sort()
      expect(names(after)).toEqual(names(before))
    },
  )

  it('the talents with ID numbers keep them digit for digit', async () => {
    const before = (await allRows(source, 'talents')).filter((t) => t.id_card !== '')
    const after = await allRows(target, 'talents')
    expect(before.length).toBeGreaterThan(10)
    for (const t of before) expect(after.some((a) => a.id_card === t.id_card)).toBe(true)
  })
})

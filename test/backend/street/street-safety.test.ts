// The street's submissions live in the same SQLite file as everything else, so a backup and a
// data package carry them: restored or moved, the merged pool is the same.
import { afterEach, describe, expect, it } from 'vitest'
import { communityBackend, importInto, rosterExport } from '../../helpers/street-files'
import { stageFile } from '../../helpers/staged-file'
import { testBackend, type TestBackend } from '../../helpers/temp-backend'

const open: TestBackend[] = []
afterEach(() => {
  for (const b of open.splice(0)) b.dispose()
})

async function streetWithOneSubmission(): Promise<TestBackend> {
  const jinhua = await communityBackend('锦华社区', [
    { name: '李志红', phone: '13812345678', categories: ['法律服务'] },
    { name: '王建国', phone: '13987654321' },
  ])
  open.push(jinhua)
  const street = testBackend()
  open.push(street)
  await street.call('street:settings-save', { mode: '街道', period: '2026年第4季度' })
  await importInto(street, '锦华社区.xlsx', await rosterExport(jinhua))
  return street
}

const summary = async (b: TestBackend) => {
  const s = await b.call('street:status', {})
  const pool = await b.call('street:list', { search: 'lzh' })
  const mode = await b.call('street:settings', {})
  return {
    mode: mode.mode,
    period: s.period,
    people: s.people,
    communities: s.communities.map((c) => [c.name, c.last?.row_count]),
    found: pool.rows.map((r) => r.name),
  }
}

const expected = {
  mode: '街道',
  period: '2026年第4季度',
  people: 2,
  communities: [['锦华社区', 2]],
  found: ['李志红'],
}

describe('street data in backups and packages', () => {
  it('a backup restored brings the submissions, the setting and the search index back', async () => {
    const street = await streetWithOneSubmission()
    const copy = await street.call('safety:backup', {})
    await street.call('street:settings-save', { mode: '社区', period: '' })
    await street.call('street:community-add', { name: '山水社区' })
    await street.call('safety:restore', { id: copy.id })
    expect(await summary(street)).toEqual(expected)
  })

  it('a data package moved to another computer carries the street tables', async () => {
    const street = await streetWithOneSubmission()
    const pkg = await street.call('safety:package-export', {})
    const chunks: Buffer[] = []
    for (let offset = 0; ;) {
      const c = await street.call('safety:download', { fileName: pkg.fileName, offset })
      chunks.push(Buffer.from(c.base64, 'base64'))
      offset += chunks.at(-1)?.length ?? 0
      if (c.done) break
    }
    const other = testBackend()
    open.push(other)
    expect((await summary(other)).people).toBe(0)
    const uploadId = await stageFile(other, Buffer.concat(chunks))
    await other.call('safety:package-import', { uploadId })
    expect(await summary(other)).toEqual(expected)
  })
})

// What the command line says when the environment is wrong: a folder where a file is wanted, a
// folder that does not exist, a year out of range — one Chinese sentence, never ENOENT/EISDIR
// or zod's text, and no half-written file left behind.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli/cli'
import { addTalent } from '../helpers/safety-helpers'
import { tempDir, testBackend } from '../helpers/temp-backend'

let data: string
beforeAll(async () => {
  const b = testBackend()
  data = b.dataDir
  await b.call('settings:save', {
    community_name: '锦华社区',
    street_name: '青云街道',
    party_org_name: '中共锦华社区委员会',
  })
  await addTalent(b, '李志红')
  b.close()
})

async function run(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli([...args, '--data-dir', data], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: {},
  })
  return { code, text: [...out, ...err].join('\n') }
}

const TECHNICAL = /ENOENT|EISDIR|EACCES|errno|no such file|number|expected|期望/i

describe('environment errors on the command line', () => {
  it('restore <folder> says it is a folder', async () => {
    const r = await run(['restore', tempDir()])
    expect(r.code).not.toBe(0)
    expect(r.text).toContain('是一个文件夹')
    expect(r.text).not.toMatch(TECHNICAL)
  })

  it('export and package export to a missing folder or onto a folder', async () => {
    const out = tempDir()
    for (const args of [
      ['export', 'talents', '--out', join(out, '没有的文件夹', 'a.xlsx')],
      ['export', 'talents', '--out', out],
      ['package', 'export', '--out', join(out, '没有的文件夹', 'p.zip')],
      ['package', 'export', '--out', out],
    ]) {
      const r = await run(args)
      expect(r.code, args.join(' ')).not.toBe(0)
      expect(r.text).toMatch(/不存在|是一个文件夹/)
      expect(r.text).not.toMatch(TECHNICAL)
    }
    // Nothing half-written, and the staged package copy is gone.
    expect(readdirSync(out)).toEqual([])
    expect(readdirSync(join(data, '.staging'))).toEqual([])
  })

  it('a year out of range is told in plain Chinese', async () => {
    const r = await run(['generate', 'report', '--year', '1999', '--quarter', '1'])
    expect(r.code).not.toBe(0)
    expect(r.text).toContain('2000')
    expect(r.text).not.toMatch(TECHNICAL)
  })
})

// Fails when a channel of the contract is called by no test. A channel counts as called when a
// test passes its name, as a literal, as the first argument of a call (b.call('units:get', …),
// b.raw(…), api(…) in E2E) or as the channel of a web-door request body — or when the lifecycle
// test calls it by a name it builds (it lists those names and checks it called every one).
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHANNEL_NAMES, isChannel } from '../../src-main/shared/contract'
import { LIFECYCLE_CHANNELS } from '../helpers/register-cases'

const TEST_ROOT = join(__dirname, '..')
const SELF = relative(TEST_ROOT, __filename)

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? tsFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  )
}

// A call whose first argument is a channel literal; test titles and assertions are not calls.
const CALL = /([\w$.]+)(?:<[^<>()]*>)?\(\s*(['"`])([a-z_]+:[a-z-]+)\2/g
const BODY = /\bchannel:\s*(['"`])([a-z_]+:[a-z-]+)\1/g
const NOT_CALLS = new Set(['describe', 'it', 'test', 'expect', 'toBe', 'toEqual', 'toContain'])

/** The channel names a piece of test source really calls. */
export function calledIn(source: string): Set<string> {
  const out = new Set<string>()
  for (const m of source.matchAll(CALL)) {
    const callee = (m[1] ?? '').split('.').pop() ?? ''
    if (!NOT_CALLS.has(callee) && !callee.startsWith('it') && m[3]) out.add(m[3])
  }
  for (const m of source.matchAll(BODY)) if (m[2]) out.add(m[2])
  return out
}

function calledByTests(): Set<string> {
  const called = new Set<string>(LIFECYCLE_CHANNELS)
  for (const file of tsFiles(TEST_ROOT)) {
    if (relative(TEST_ROOT, file) === SELF) continue
    for (const name of calledIn(readFileSync(file, 'utf8'))) called.add(name)
  }
  return called
}

describe('every channel of the contract is called by some test', () => {
  it('tells a call from a mere mention', () => {
    const sample = `
      describe('app:info', () => {})
      it('units:list works', () => {})
      expect(x).toBe('grids:list')
      await b.call('talents:get', { id })
      await b.call<Page>('units:list', {})
      await b.raw(
        'units:delete', { id })
      await api(\`meetings:years\`, {})
      body: JSON.stringify({ channel: 'app:check', input: {} })
      const names = ['safety:list']`
    expect([...calledIn(sample)].sort()).toEqual([
      'app:check',
      'meetings:years',
      'talents:get',
      'units:delete',
      'units:list',
    ])
  })

  it('names only real channels in the lifecycle list', () => {
    expect(LIFECYCLE_CHANNELS.filter((c) => !isChannel(c))).toEqual([])
  })

  it('has no channel that no test calls', () => {
    const called = calledByTests()
    const untested = CHANNEL_NAMES.filter((c) => !called.has(c))
    expect(untested, `channels no test calls: ${untested.join(', ')}`).toEqual([])
  })
})

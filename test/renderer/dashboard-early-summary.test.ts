// The 工作台's figures are asked for when the app starts on the 工作台, before the router and
// the page are ready; the page takes that answer once, and asks afresh on later visits. Other
// landing pages do not ask at all. Against the real backend, counting the calls it receives.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setTransport } from '../../src-renderer/src/api/client'
import {
  startSummaryEarly,
  summaryRequest,
} from '../../src-renderer/src/views/dashboard/summary-request'
import { addTalent } from '../helpers/safety-helpers'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
let asked: string[] = []
beforeEach(() => {
  b = testBackend()
  asked = []
  setTransport((channel, input) => {
    asked.push(channel)
    return b.invoke(channel, input)
  })
})
afterEach(() => {
  setTransport(undefined)
  b.dispose()
})

describe('the 工作台 figures at start-up', () => {
  it('are asked for at once when the app opens on the 工作台, and taken once', async () => {
    await addTalent(b, '李志红')
    for (const hash of ['', '#/', '#/dashboard']) {
      asked = []
      startSummaryEarly(hash)
      expect(asked).toEqual(['dashboard:summary'])
      const first = await summaryRequest()
      expect(first.counts.talents).toBe(1)
      expect(asked).toEqual(['dashboard:summary'])
      // A later visit gets fresh figures, not the start-up answer.
      await addTalent(b, '王建国', '13900000002')
      expect((await summaryRequest()).counts.talents).toBe(2)
      expect(asked).toEqual(['dashboard:summary', 'dashboard:summary'])
      await b.call('talents:delete', { id: (await b.call('talents:list', {})).rows[0]?.id ?? 0 })
    }
  })

  it('are not asked for when the app opens on another page', () => {
    for (const hash of ['#/talents', '#/meetings/7', '#/resolutions?overdue=1'])
      startSummaryEarly(hash)
    expect(asked).toEqual([])
  })
})

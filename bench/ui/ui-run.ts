// Runs the UI measurements on one data folder: adds a meeting with 60 attendees, starts the
// browser door and the bare page, and returns the result rows.
import type { Backend } from '../../src-main/backend/app/boot'
import { startBackend } from '../../src-main/backend/app/boot'
import { launchBrowser, startDoor } from '../../test/e2e/web-door'
import type { BenchResult } from '../measure'
import { buildBarePage, serveBarePage } from './bare-page'
import { uiBench } from './ui-jobs'

async function ok<T>(b: Backend, channel: string, input: unknown): Promise<T> {
  const r = await b.invoke(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.data as T
}

/** A 党建联席会议 with 60 people on its list (the size of a large street meeting). */
async function meetingWith60(dir: string): Promise<number> {
  const b = startBackend(dir, 'cli')
  await b.ready
  try {
    const m = await ok<{ id: number }>(b, 'meetings:create', {
      meeting_type: '党建联席会议',
      title: '性能测试：60 人的联席会议',
      meeting_date: '2026-11-20',
      location: '社区党群服务中心三楼会议室',
    })
    for (let i = 1; i <= 60; i++) {
      await ok(b, 'meeting_attendees:create', {
        parentId: m.id,
        data: {
          name: `参会人${i}`,
          unit_name: `共建单位${(i % 12) + 1}`,
          post: i % 3 ? '联络员' : '党组织书记',
          attendance: i % 10 === 0 ? '请假' : '出席',
          leave_reason: i % 10 === 0 ? '外出开会' : '',
          signed_in: i % 10 !== 0,
        },
      })
    }
    return m.id
  } finally {
    b.close()
  }
}

export async function runUi(
  dir: string,
  prefix: string,
  log: (s: string) => void,
): Promise<BenchResult[]> {
  const meetingId = await meetingWith60(dir)
  await buildBarePage()
  const door = await startDoor(dir)
  const bare = await serveBarePage(door.url)
  const browser = await launchBrowser()
  try {
    return await uiBench(
      browser,
      { url: door.url, bare: false },
      { url: bare.url, bare: true },
      { prefix, meetingId, log },
    )
  } finally {
    await browser.close()
    bare.stop()
    await door.stop()
  }
}

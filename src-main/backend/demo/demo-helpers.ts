// Building blocks of the demo community: its 网格, a seeded random source, made-up people's
// details drawn from it, and unit titles.
import dayjs from 'dayjs'
import * as W from './demo-data'

export const GRIDS: [string, string, string, string][] = [
  ['第一网格（锦华苑）', 'JH-01', '张秀兰', '13908711201'],
  ['第二网格（馨园小区）', 'JH-02', '李建国', '13908711202'],
  ['第三网格（电力宿舍）', 'JH-03', '王丽萍', '13908711203'],
  ['第四网格（金桂园）', 'JH-04', '赵德明', '13908711204'],
  ['第五网格（沿河商铺）', 'JH-05', '陈玉梅', '13908711205'],
  ['第六网格（老街片区）', 'JH-06', '刘志强', '13908711206'],
]

/** mulberry32: a small seeded generator, so the demo is the same every time. */
export function seeded(seed: number) {
  let a = seed
  const next = () => {
    a |= 0
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1))
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)] as T
  const some = <T>(list: readonly T[], lo: number, hi: number): T[] => {
    const copy = [...list]
    const out: T[] = []
    for (let n = int(lo, hi); n > 0 && copy.length; n--)
      out.push(copy.splice(int(0, copy.length - 1), 1)[0] as T)
    return out
  }
  return { next, int, pick, some }
}

/** Phones, dates and names, all drawn from `r` (so the demo is the same every time). */
export function demoMaker(r: ReturnType<typeof seeded>) {
  const phone = () =>
    `1${r.pick(['3', '5', '7', '8', '9'])}${String(r.int(0, 999999999)).padStart(9, '0')}`
  const date = (from: string, to: string) =>
    dayjs(from)
      .add(r.int(0, dayjs(to).diff(from, 'day')), 'day')
      .format('YYYY-MM-DD')
  const person = (male: boolean) =>
    r.pick(W.SURNAMES.split('')) +
    (male ? r.pick(W.GIVEN_M.split('')) : r.pick(W.GIVEN_F.split(''))) +
    (r.next() < 0.6 ? (male ? r.pick(W.GIVEN_M.split('')) : r.pick(W.GIVEN_F.split(''))) : '')
  return { r, phone, date, person }
}
export type DemoMaker = ReturnType<typeof demoMaker>

/** The head's title that goes with the unit: a school has a 校长, a bank branch a 行长. */
export function postAt(unit: string): string {
  const titles: [RegExp, string][] = [
    [/医院|卫生/, '院长'],
    [/小学|中学|学校/, '校长'],
    [/幼儿园/, '园长'],
    [/银行|支行/, '行长'],
    [/所$|派出所/, '所长'],
    [/站$|站点$|服务站/, '站长'],
    [/公司|超市|营业厅|物业|中心$/, '总经理'],
    [/局|馆|队/, '负责人'],
  ]
  return titles.find(([re]) => re.test(unit))?.[1] ?? '主任'
}

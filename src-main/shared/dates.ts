import dayjs from 'dayjs'

/** Local wall-clock timestamp as stored in every table: 2026-11-22 09:30:00. */
export function nowStamp(now: Date = new Date()): string {
  return dayjs(now).format('YYYY-MM-DD HH:mm:ss')
}

/** GB/T 9704 date: Arabic numerals, no zero padding — 2026年11月22日. */
export function chineseDate(date: Date | string): string {
  const d = dayjs(date)
  return `${d.year()}年${d.month() + 1}月${d.date()}日`
}

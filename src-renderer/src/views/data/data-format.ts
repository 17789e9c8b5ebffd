// How backups, sizes and record counts read on the 数据与备份 and safe-mode pages.
import { BACKUP_KIND_LABELS, type BackupKind } from '@shared/schemas/safety.schema'
import dayjs from 'dayjs'

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1048576).toFixed(1)} MB`
}

export function when(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm:ss')
}

export const kindLabel = (k: BackupKind) => BACKUP_KIND_LABELS[k]

export const KIND_TAG: Record<BackupKind, 'primary' | 'success' | 'warning' | 'info' | 'danger'> = {
  daily: 'info',
  manual: 'success',
  upgrade: 'warning',
  import: 'warning',
  restore: 'danger',
}

const SHORT: Record<string, string> = {
  talents: '能人',
  units: '共建单位',
  committee_members: '兼职委员',
  households: '中心户',
  meetings: '会议',
}

/** The registers' record counts in one short line (能人 300 · 共建单位 28 …). */
export function countsText(counts: { table: string; count: number }[] | null): string {
  if (!counts) return '—'
  const parts = counts.filter((c) => SHORT[c.table]).map((c) => `${SHORT[c.table]} ${c.count}`)
  return parts.length ? parts.join(' · ') : '—'
}

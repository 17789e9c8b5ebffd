import type Database from 'better-sqlite3'
import type { z } from 'zod'
import type { SettingsInput } from '../../shared/schemas/settings.schema'
import { prep } from '../db/statements'

type SettingsValues = z.output<typeof SettingsInput>
export type SettingsRow = SettingsValues & { created_at: string; updated_at: string }

const COLUMNS = [
  'community_name',
  'street_name',
  'district',
  'party_org_name',
  'secretary_name',
  'phone',
  'address',
  'operator_name',
] as const

export function readSettings(db: Database.Database): SettingsRow | undefined {
  return prep(
    db,
    `SELECT ${COLUMNS.join(', ')}, created_at, updated_at FROM settings WHERE id = 1`,
  ).get() as SettingsRow | undefined
}

export function upsertSettings(db: Database.Database, values: SettingsValues, stamp: string): void {
  prep(
    db,
    `INSERT INTO settings (id, ${COLUMNS.join(', ')}, created_at, updated_at)
     VALUES (1, ${COLUMNS.map((c) => '@' + c).join(', ')}, @stamp, @stamp)
     ON CONFLICT (id) DO UPDATE SET ${COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = excluded.updated_at`,
  ).run({ ...values, stamp })
}

// The one table of channels: each maps to a zod input and output schema. Every door
// (IPC, HTTP, CLI) validates against it, and Input<C>/Output<C> and the channel list are
// derived from it, so a channel is added in exactly one place.
import { z } from 'zod'
import {
  AppInfo,
  CheckReport,
  DemoSummary,
  Diagnostics,
  PickFolderInput,
  PickFolderResult,
  UnmaskedViewInput,
  UnmaskedViewRecorded,
} from './schemas/app.schema'
import { Empty, IdInput } from './schemas/common'
import { AttendanceRow, DashboardSummary, UnitOption } from './schemas/dashboard.schema'
import {
  ColumnsInfo,
  ExportInput,
  FileOut,
  Preset,
  PresetDelete,
  PresetSave,
  RegisterName,
} from './schemas/exchange.schema'
import { documentsContract } from './schemas/documents.schema'
import { formsContract } from './schemas/forms.schema'
import { Grid, GridDelete, GridInput, GridUpdate, GridUsage } from './schemas/grids.schema'
import { JobProgress } from './schemas/jobs.schema'
import { ImportCommit, ImportFile, ImportPreview, ImportResult } from './schemas/import.schema'
import { mattersContract } from './schemas/matters.schema'
import { meetingsContract } from './schemas/meetings.schema'
import { registerContract } from './schemas/registers.schema'
import { safetyContract } from './schemas/safety-contract'
import { Settings, SettingsInput } from './schemas/settings.schema'
import { DuplicateMatch, DuplicateQuery } from './schemas/duplicates.schema'
import { CommitteeDuty, SuggestInput, Suggestion } from './schemas/responders.schema'
import { streetContract } from './schemas/street.schema'

export const contract = {
  'app:info': { input: Empty, output: AppInfo },
  'app:check': { input: Empty, output: CheckReport },
  'app:pick-folder': { input: PickFolderInput, output: PickFolderResult },
  'app:diagnostics': { input: Empty, output: Diagnostics },
  'app:demo': { input: Empty, output: DemoSummary },
  'audit:unmasked-view': { input: UnmaskedViewInput, output: UnmaskedViewRecorded },
  'settings:get': { input: Empty, output: Settings },
  'settings:save': { input: SettingsInput, output: Settings },
  'grids:list': { input: Empty, output: z.array(Grid) },
  'grids:create': { input: GridInput, output: Grid },
  'grids:update': { input: GridUpdate, output: Grid },
  'grids:usage': { input: IdInput, output: GridUsage },
  'grids:delete': {
    input: GridDelete,
    output: z.object({ id: z.number(), moved: z.number() }),
  },
  'dashboard:summary': { input: Empty, output: DashboardSummary },
  'units:options': { input: Empty, output: z.array(UnitOption) },
  'registers:duplicates': { input: DuplicateQuery, output: z.array(DuplicateMatch) },
  'committee:attendance': { input: IdInput, output: z.array(AttendanceRow) },
  'responders:suggest': { input: SuggestInput, output: z.array(Suggestion) },
  'committee:duties': { input: IdInput, output: z.array(CommitteeDuty) },
  'exchange:columns': { input: z.object({ register: RegisterName }).strict(), output: ColumnsInfo },
  'exchange:export': { input: ExportInput, output: FileOut },
  'exchange:presets': {
    input: z.object({ register: RegisterName }).strict(),
    output: z.array(Preset),
  },
  'exchange:preset-save': { input: PresetSave, output: Preset },
  'exchange:preset-delete': { input: PresetDelete, output: z.object({ id: z.number() }) },
  'exchange:template': { input: z.object({ register: RegisterName }).strict(), output: FileOut },
  'exchange:preview': { input: ImportFile.strict(), output: ImportPreview },
  'exchange:import': { input: ImportCommit, output: ImportResult },
  'jobs:progress': {
    input: z.object({ jobId: z.string().max(40) }).strict(),
    output: JobProgress,
  },
  ...registerContract,
  ...safetyContract,
  ...meetingsContract,
  ...documentsContract,
  ...formsContract,
  ...mattersContract,
  ...streetContract,
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export type Contract = typeof contract
export type Channel = keyof Contract
/** What a caller passes (defaults may be omitted). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>
/** What a handler receives after validation. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type Output<C extends Channel> = z.output<Contract[C]['output']>

/** Every channel name, in the table's order. */
export const CHANNEL_NAMES = Object.keys(contract) as Channel[]

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

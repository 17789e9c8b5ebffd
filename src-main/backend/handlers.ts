// Every channel of the contract mapped to its plain handler function. The type makes a
// missing handler a build error; register handlers are generic over rows, and their outputs
// are checked against the contract's output schemas in the tests.
import { findDuplicates } from './registers/duplicates'
import type { Channel, Output, ParsedInput } from '../shared/contract'
import { appCheck, appDemo, appInfo, appPickFolder } from './app/app.handlers'
import { appDiagnostics } from './app/diagnostics'
import type { AppContext } from './app/context'
import { committee, committeeAttendance, committeeReviews } from './committee/committee.handlers'
import { dashboardSummary } from './dashboard/dashboard.handlers'
import { documentsHandlers } from './documents/documents.handlers'
import {
  exchangeColumns,
  exchangeExport,
  exchangePresetDelete,
  exchangePresets,
  exchangePresetSave,
} from './exchange/export.handlers'
import { importCommit, importPreview } from './exchange/import.handlers'
import { blankImportSheet } from './exchange/blank-import-sheet'
import { jobsProgress } from './jobs/jobs.handlers'
import {
  gridsCreate,
  gridsDelete,
  gridsList,
  gridsUpdate,
  gridsUsage,
} from './grids/grids.handlers'
import { householdLinks, households, householdVisits } from './households/households.handlers'
import {
  meetingAttendees,
  meetingExtras,
  meetingResolutions,
  meetings,
  meetingTopics,
} from './meetings/meetings.handlers'
import type { makeChildHandlers } from './registers/child.handlers'
import type { makeRegisterHandlers } from './registers/register.handlers'
import { safetyHandlers } from './safety/safety-handlers-table'
import { getSettings, saveSettings } from './settings/settings.handlers'
import { talents, talentServices } from './talents/talents.handlers'
import { unitListItems, units, unitsOptions } from './units/units.handlers'

export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
  ctx: AppContext,
) => Output<C> | Promise<Output<C>>
export type Handlers = { [C in Channel]: Handler<C> }

type Ops<T> = { [K in keyof T]: (input: never, ctx: AppContext) => unknown }

function prefix<K extends string, T extends Ops<T>>(key: K, ops: T) {
  return Object.fromEntries(
    Object.entries(ops).map(([op, fn]) => [`${key}:${op}`, fn]),
  ) as unknown as {
    [P in keyof T as `${K}:${P & string}`]: Handler<`${K}:${P & string}` & Channel>
  }
}

type RegisterOps = ReturnType<typeof makeRegisterHandlers>
type ChildOps = ReturnType<typeof makeChildHandlers>
const reg = <K extends string>(key: K, h: RegisterOps & Partial<Record<string, unknown>>) =>
  prefix(key, h as RegisterOps)
const child = <K extends string>(key: K, h: ChildOps) => prefix(key, h)

export const handlers: Handlers = {
  'app:info': appInfo,
  'app:check': appCheck,
  'app:pick-folder': appPickFolder,
  'app:diagnostics': appDiagnostics,
  'app:demo': appDemo,
  'dashboard:summary': dashboardSummary,
  'settings:get': getSettings,
  'settings:save': saveSettings,
  'grids:list': gridsList,
  'grids:create': gridsCreate,
  'grids:update': gridsUpdate,
  'grids:usage': gridsUsage,
  'grids:delete': gridsDelete,
  'units:options': unitsOptions,
  'registers:duplicates': findDuplicates,
  'committee:attendance': committeeAttendance,
  'exchange:columns': exchangeColumns,
  'exchange:export': exchangeExport,
  'exchange:presets': exchangePresets,
  'exchange:preset-save': exchangePresetSave,
  'exchange:preset-delete': exchangePresetDelete,
  'exchange:template': blankImportSheet,
  'exchange:preview': importPreview,
  'exchange:import': importCommit,
  'jobs:progress': jobsProgress,
  ...safetyHandlers,
  ...reg('talents', talents),
  ...reg('units', units),
  ...reg('committee', committee),
  ...reg('households', households),
  ...child('talent_services', talentServices),
  ...child('unit_list_items', unitListItems),
  ...child('committee_reviews', committeeReviews),
  ...child('household_links', householdLinks),
  ...child('household_visits', householdVisits),
  ...reg('meetings', meetings),
  ...child('meeting_attendees', meetingAttendees),
  ...child('meeting_topics', meetingTopics),
  ...child('meeting_resolutions', meetingResolutions),
  ...meetingExtras,
  ...documentsHandlers,
}

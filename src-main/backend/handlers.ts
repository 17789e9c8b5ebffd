// Every channel of the contract mapped to its plain handler function. The type makes a
// missing handler, or one whose output differs from the contract, a build error: each
// register's operations are checked against its own channels where they are put in the table.
import { findDuplicates } from './registers/duplicates'
import type { Channel, Output, ParsedInput } from '../shared/contract'
import type { ChildOp, RegisterOp } from '../shared/register-api'
import type { AnyRegisterKey, ChildKey } from '../shared/registers/registers'
import { appCheck, appDemo, appInfo, appPickFolder } from './app/app.handlers'
import { appDiagnostics } from './app/diagnostics'
import { recordUnmaskedView } from './audit/auditable'
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
import {
  formsFill,
  formsInspect,
  formsMappingForget,
  formsMappingSave,
} from './exchange/forms/forms.handlers'
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
import { matters } from './matters/matters.handlers'
import { mattersHandlers } from './matters/matters-table'
import { safetyHandlers } from './safety/safety-handlers-table'
import { getSettings, saveSettings } from './settings/settings.handlers'
import { talents, talentServices } from './talents/talents.handlers'
import { streetHandlers } from './street/street-handlers-table'
import { unitListItems, units, unitsOptions } from './units/units.handlers'
import { reportedMembers, reportedServices } from './reported/reported.handlers'
import { suggestResponders } from './responders/suggest'
import { openItemCounts } from './matters/open-items.repo'
import { committeeDutiesOf } from './matters/matter-services.handlers'

export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
  ctx: AppContext,
) => Output<C> | Promise<Output<C>>
export type Handlers = { [C in Channel]: Handler<C> }

/** The handlers of `${K}:op` for each op, keyed by op: what a register or child list provides. */
type OpHandlers<K extends string, O extends string> = {
  [P in O]: Handler<`${K}:${P}` & Channel>
}
/** The same handlers keyed by their channels, as the table holds them. */
type ChannelHandlers<K extends string, O extends string> = {
  [P in O as `${K}:${P}`]: Handler<`${K}:${P}` & Channel>
}

// `ops` is checked against K's channels at the call (a wrong output type fails there); only
// the keys are renamed here, which the type system cannot follow through Object.entries.
function keyed<K extends string, O extends string>(
  key: K,
  ops: OpHandlers<K, O>,
): ChannelHandlers<K, O> {
  const out: Record<string, unknown> = {}
  for (const [op, fn] of Object.entries(ops)) out[`${key}:${op}`] = fn
  return out as ChannelHandlers<K, O>
}

/** Register K's eight operations as its channels `${K}:list` …; checked against each. */
export const reg = <K extends AnyRegisterKey>(key: K, ops: OpHandlers<K, RegisterOp>) =>
  keyed(key, ops)
/** Child list K's four operations as its channels; checked against each. */
export const child = <K extends ChildKey>(key: K, ops: OpHandlers<K, ChildOp>) => keyed(key, ops)

export const handlers: Handlers = {
  'app:info': appInfo,
  'app:check': appCheck,
  'app:pick-folder': appPickFolder,
  'app:diagnostics': appDiagnostics,
  'app:demo': appDemo,
  'audit:unmasked-view': recordUnmaskedView,
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
  'committee:duties': committeeDutiesOf,
  'responders:suggest': (input, ctx) => suggestResponders(ctx.db, input, openItemCounts(ctx.db)),
  'exchange:columns': exchangeColumns,
  'exchange:export': exchangeExport,
  'exchange:presets': exchangePresets,
  'exchange:preset-save': exchangePresetSave,
  'exchange:preset-delete': exchangePresetDelete,
  'exchange:template': blankImportSheet,
  'exchange:preview': importPreview,
  'exchange:import': importCommit,
  'forms:inspect': formsInspect,
  'forms:fill': formsFill,
  'forms:mapping-save': formsMappingSave,
  'forms:mapping-forget': formsMappingForget,
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
  ...reg('reported_members', reportedMembers),
  ...child('reported_services', reportedServices),
  ...reg('matters', matters),
  ...mattersHandlers,
  ...streetHandlers,
}

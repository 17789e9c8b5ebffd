// Every channel of the contract mapped to its plain handler function. The type makes a
// missing or mistyped handler a build error.
import type { Channel, Output, ParsedInput } from '../shared/contract'
import { appCheck, appInfo } from './app/app.handlers'
import type { AppContext } from './app/context'
import { gridsCreate, gridsDelete, gridsList, gridsUpdate } from './grids/grids.handlers'
import { getSettings, saveSettings } from './settings/settings.handlers'

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>, ctx: AppContext) => Output<C> | Promise<Output<C>>
}

export const handlers: Handlers = {
  'app:info': appInfo,
  'app:check': appCheck,
  'settings:get': getSettings,
  'settings:save': saveSettings,
  'grids:list': gridsList,
  'grids:create': gridsCreate,
  'grids:update': gridsUpdate,
  'grids:delete': gridsDelete,
}

import { defineRegisterStore } from './register-store'

export const useUnitsStore = defineRegisterStore('units')

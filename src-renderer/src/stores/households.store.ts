import { defineRegisterStore } from './register-store'

export const useHouseholdsStore = defineRegisterStore('households')

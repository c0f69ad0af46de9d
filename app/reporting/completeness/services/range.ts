import { periodOf } from '../../services/period.js'

/** 1 October of the statistical year that contains `day`. */
export function yearStart(day: string) {
  return `${periodOf(day).year - 1}-10-01`
}

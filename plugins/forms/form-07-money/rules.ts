/** The identities of SPEC §5, checked on every row. */
import type { RuleSpec } from '#reporting'

export const RULES: RuleSpec[] = [
  { id: 'r1', left: '1', op: '=', right: '2 + 3', importance: 'error' },
  { id: 'r2', left: '6', op: '=', right: '1 - 4 - 5', importance: 'error' },
  { id: 'r3', left: '6', op: '=', right: '7 + 14', importance: 'error' },
  { id: 'r4', left: '7', op: '=', right: '8 + 9 + 10 + 11 + 12 + 13', importance: 'error' },
  { id: 'r5', left: '16', op: '=', right: '6 - 8 - 9 - 10', importance: 'error' },
  { id: 'r6', left: '17', op: '=', right: '7 - 8 - 9 - 10', importance: 'error' },
]

/**
 * Column 3 in money may go down from one period to the next when an amending decision lowers an obligation
 * (SPEC §3 allows negative obligation entries), so its decrease is a warning to explain, not an error.
 */
export const CROSS_PERIOD = {
  opening: '2',
  closing: '16',
  flows: ['4', '5', '8', '9', '10'],
  softFlows: ['3'],
}

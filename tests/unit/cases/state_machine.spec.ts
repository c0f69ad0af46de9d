import { test } from '@japa/runner'
import {
  CASE_STATUSES,
  EVENT_TYPES,
  transition,
  manualEventsFrom,
  EVENT_RULES,
  isTerminal,
} from '#cases'

/**
 * The expected law, written independently of the table: event → { status it may be recorded in → status after }.
 * '=' means the status does not change. Every (event, status) pair not listed must be refused.
 */
const O = { in_progress: '=', no_conditions: '=', postponed: '=', suspended: '=' }
const EXPECTED: Record<string, Record<string, string>> = {
  decision_approved: {},
  officer_assigned: O,
  handover: O,
  notified: O,
  verified: { in_progress: '=', no_conditions: '=', postponed: '=' },
  no_conditions: { in_progress: 'no_conditions' },
  resume: { no_conditions: 'in_progress', postponed: 'in_progress', suspended: 'in_progress' },
  postponed: { in_progress: 'postponed' },
  suspended: { in_progress: 'suspended', postponed: 'suspended', no_conditions: 'suspended' },
  terminated: {
    in_progress: 'terminated',
    no_conditions: 'terminated',
    postponed: 'terminated',
    suspended: 'terminated',
  },
  exemption: O,
  reduction: O,
  obligation_amended: O,
  security_measure: { in_progress: '=', postponed: '=', no_conditions: '=' },
  coercion: { in_progress: '=' },
  delegated_out: {
    in_progress: 'delegated_out',
    no_conditions: 'delegated_out',
    postponed: 'delegated_out',
    suspended: 'delegated_out',
  },
  withdrawn: {
    in_progress: 'withdrawn',
    no_conditions: 'withdrawn',
    postponed: 'withdrawn',
    suspended: 'withdrawn',
  },
  revoked: {
    in_progress: 'revoked',
    no_conditions: 'revoked',
    postponed: 'revoked',
    suspended: 'revoked',
  },
  completed: { in_progress: 'completed' },
  result_confirmed: { completed: '=', terminated: '=' },
  archived: { completed: '=', terminated: '=', delegated_out: '=', withdrawn: '=', revoked: '=' },
}

test.group('Case state machine (transition table)', () => {
  test('the table covers exactly the events of SPEC §3', ({ assert }) => {
    assert.sameMembers(EVENT_TYPES, Object.keys(EXPECTED))
  })

  for (const event of Object.keys(EXPECTED)) {
    for (const status of CASE_STATUSES) {
      const expected = EXPECTED[event][status]
      const title = expected
        ? `${event} from ${status} → ${expected === '=' ? 'unchanged' : expected}`
        : `${event} from ${status} is refused`
      test(title, ({ assert }) => {
        const result = transition(event as any, status)
        if (!expected) {
          assert.isFalse(result.allowed)
        } else {
          assert.isTrue(result.allowed)
          assert.equal((result as any).to, expected === '=' ? null : expected)
        }
      })
    }
  }

  test('terminal statuses accept only the after-care events', ({ assert }) => {
    for (const status of ['completed', 'terminated', 'delegated_out', 'withdrawn', 'revoked']) {
      assert.isTrue(isTerminal(status))
      assert.includeMembers(['result_confirmed', 'archived'], manualEventsFrom(status))
    }
  })

  test('events that end a case with money settle it with the matching entry', ({ assert }) => {
    assert.equal(EVENT_RULES.terminated.money, 'terminated_amount')
    assert.equal(EVENT_RULES.delegated_out.money, 'delegated_amount')
    assert.equal(EVENT_RULES.withdrawn.money, 'withdrawn_amount')
    assert.equal(EVENT_RULES.revoked.money, 'revoked_amount')
    assert.isTrue(EVENT_RULES.completed.needsSettledBalance)
  })

  test('an officer is offered only what the law allows now', ({ assert }) => {
    assert.sameMembers(manualEventsFrom('postponed'), [
      'notified',
      'verified',
      'resume',
      'suspended',
      'terminated',
      'exemption',
      'reduction',
      'security_measure',
    ])
    assert.notInclude(manualEventsFrom('in_progress'), 'revoked')
    assert.notInclude(manualEventsFrom('in_progress'), 'decision_approved')
    assert.notInclude(manualEventsFrom('in_progress'), 'officer_assigned')
  })
})

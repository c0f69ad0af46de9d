import { test } from '@japa/runner'
import { AuditEvent } from '#audit'
import { Case, Judgment, caseStateAsOf } from '#cases'
import { as } from '#tests/helpers/factories'
import { staff, day, rows, pinClock, TODAY } from './_setup.js'

test.group(
  'Cases: clerk drafts → head approves → officer verifies, collects, pays out, completes',
  (group) => {
    pinClock(group)

    test('the whole story through the pages', async ({ client, assert }) => {
      const { clerk, head, officer } = await staff()

      // 1. The clerk registers the judgment.
      let res = await as(client.post('/judgments'), clerk)
        .withCsrfToken()
        .form({
          number: '123/2026/DS-PT',
          judgment_date: day(0),
          court: 'TAND TP Hà Nội',
          type: 'civil',
          received_on: day(0),
          parties: 'A – B',
        })
        .redirects(0)
      res.assertStatus(302)
      const judgment = await Judgment.query().where('number', '123/2026/DS-PT').firstOrFail()
      res = await as(client.get('/judgments?q=123%2F2026'), clerk)
      res.assertStatus(200)
      res.assertTextIncludes('TAND TP Hà Nội')

      // 2. She drafts the decision and submits it.
      res = await as(client.post('/decisions'), clerk)
        .withCsrfToken()
        .form({
          kind: 'ex_officio',
          judgment_id: judgment.id,
          ...rows('parties', [
            { role: 'debtor', name: 'Trần Văn Nợ', address: 'Ba Đình' },
            { role: 'creditor', name: 'Lê Thị Có' },
            { role: 'related', name: '' },
          ]),
          ...rows('obligations', [
            { kind: 'money', description: 'Trả tiền nợ', amount: '5000000', payee: 'creditor' },
            { kind: 'money', description: 'Án phí', amount: '250000', payee: 'state_budget' },
            { kind: 'money', description: '', amount: '' },
          ]),
          submit: '1',
        })
        .redirects(0)
      res.assertStatus(302)
      const draft = await Case.query().where('judgment_id', judgment.id).firstOrFail()
      assert.equal(draft.draftStatus, 'submitted')

      // 3. The head sees it in the approval queue, and approves with an officer.
      res = await as(client.get('/decisions'), head)
      res.assertStatus(200)
      res.assertTextIncludes('Trần Văn Nợ')
      res = await as(client.post(`/decisions/${draft.id}/approve`), head)
        .withCsrfToken()
        .form({ decision_date: day(1), officer_id: officer.id })
        .redirects(0)
      res.assertStatus(302)
      const c = await Case.findOrFail(draft.id)
      assert.equal(c.draftStatus, 'approved')
      assert.match(c.number!, /^\d+\/QĐ-THADS$/)
      assert.equal(c.status, 'in_progress')
      assert.equal(c.remaining, 5_250_000)
      assert.equal(c.officerId, officer.id)
      assert.isNotNull(
        await AuditEvent.query()
          .where('action', 'case.decision_approved')
          .where('subject_id', String(c.id))
          .first()
      )

      // 4. The officer finds it among his cases and records the verification.
      res = await as(client.get('/cases/mine'), officer)
      res.assertTextIncludes(c.number!)
      res = await as(client.get(`/cases/${c.id}`), officer)
      res.assertStatus(200)
      res.assertTextIncludes('data-action="verified"')
      res.assertTextIncludes('data-action="collected"')
      assert.notInclude(res.text(), 'data-action="resume"')
      await as(client.post(`/cases/${c.id}/events`), officer)
        .withCsrfToken()
        .form({
          type: 'verified',
          effective_date: day(2),
          result: 'has_conditions',
          document_number: 'BB-01',
        })
        .redirects(0)

      // 5. Collects the whole amount in two receipts, pays it out.
      for (const [amount, receipt, d] of [
        [5_000_000, 'BL-1', day(3)],
        [250_000, 'BL-2', day(4)],
      ] as const) {
        res = await as(client.post(`/cases/${c.id}/money`), officer)
          .withCsrfToken()
          .form({ kind: 'collected', amount, receipt_number: receipt, effective_date: d })
          .redirects(0)
        res.assertStatus(302)
      }
      // Completion is refused while money is held unpaid.
      await as(client.post(`/cases/${c.id}/events`), officer)
        .withCsrfToken()
        .form({ type: 'completed', effective_date: day(5) })
        .redirects(0)
      assert.equal((await Case.findOrFail(c.id)).status, 'in_progress')

      await as(client.post(`/cases/${c.id}/money`), officer)
        .withCsrfToken()
        .form({ kind: 'paid_out', amount: 5_000_000, payee: 'creditor', effective_date: day(5) })
        .redirects(0)
      await as(client.post(`/cases/${c.id}/money`), officer)
        .withCsrfToken()
        .form({ kind: 'paid_out', amount: 250_000, payee: 'state_budget', effective_date: day(5) })
        .redirects(0)

      // 6. And completes.
      res = await as(client.post(`/cases/${c.id}/events`), officer)
        .withCsrfToken()
        .form({ type: 'completed', effective_date: day(6), document_number: 'QĐ-XONG' })
        .redirects(0)
      res.assertStatus(302)
      const done = await Case.findOrFail(c.id)
      assert.equal(done.status, 'completed')
      assert.equal(done.remaining, 0)
      assert.equal(done.held, 0)

      // The derived state agrees with the caches, and the history stays readable as of earlier days.
      assert.deepEqual(await caseStateAsOf(c.id, TODAY), {
        status: 'completed',
        remaining: 0,
        held: 0,
        officerId: officer.id,
      })
      assert.deepInclude(await caseStateAsOf(c.id, day(3)), {
        status: 'in_progress',
        remaining: 250_000,
        held: 5_000_000,
      })
      assert.deepEqual(await caseStateAsOf(c.id, day(0)), {
        status: null,
        remaining: 0,
        held: 0,
        officerId: null,
      })

      res = await as(client.get(`/cases/${c.id}`), officer)
      res.assertTextIncludes('data-event="completed"')
      res.assertTextIncludes('data-money="paid_out"')
      res.assertTextIncludes('data-action="result_confirmed"')
      assert.notInclude(res.text(), 'data-action="collected"')
      const audits = await AuditEvent.query()
        .where('subject_type', 'case')
        .where('subject_id', String(c.id))
        .where('outcome', 'ok')
      assert.includeMembers(
        audits.map((a) => a.action),
        [
          'case.draft_created',
          'case.decision_approved',
          'case.event_recorded',
          'case.money_collected',
          'case.money_paid_out',
        ]
      )
    })

    test('a request can be refused with a reason, and shows its decision deadline', async ({
      client,
      assert,
    }) => {
      const { clerk } = await staff()
      await as(client.post('/requests'), clerk)
        .withCsrfToken()
        .form({
          requester: 'Phạm Văn Yêu',
          received_on: day(0),
          content: 'Yêu cầu thi hành khoản bồi thường',
        })
        .redirects(0)
      let res = await as(client.get('/requests?status=pending&q=Y%C3%AAu'), clerk)
      res.assertTextIncludes('Phạm Văn Yêu')
      const { EnforcementRequest, requestDeadline } = await import('#cases')
      const request = await EnforcementRequest.query()
        .where('requester', 'Phạm Văn Yêu')
        .firstOrFail()
      // 5 working days: never earlier than 5 calendar days, and never on a weekend.
      const deadline = await requestDeadline(request.receivedOn)
      assert.isTrue(deadline >= (await import('#core')).addDays(request.receivedOn, 5))
      assert.isTrue(await (await import('#core')).isWorkingDay(deadline))
      res = await as(client.post(`/requests/${request.id}/refuse`), clerk)
        .withCsrfToken()
        .form({ reason: 'Bản án chưa có hiệu lực pháp luật', decided_on: TODAY })
        .redirects(0)
      res.assertStatus(302)
      await request.refresh()
      assert.equal(request.status, 'refused')
      assert.equal(request.refusalReason, 'Bản án chưa có hiệu lực pháp luật')
      res = await as(client.get('/requests?status=refused'), clerk)
      res.assertTextIncludes('Bản án chưa có hiệu lực pháp luật')
    })

    test('a rejected draft goes back to the clerk with the comment and can be resubmitted', async ({
      client,
      assert,
    }) => {
      const { clerk, head } = await staff()
      const res0 = await as(client.post('/judgments'), clerk)
        .withCsrfToken()
        .form({
          number: 'R-1',
          judgment_date: day(0),
          court: 'TAND',
          type: 'criminal',
          received_on: day(0),
        })
        .redirects(0)
      res0.assertStatus(302)
      const judgment = await Judgment.query()
        .where('number', 'R-1')
        .orderBy('id', 'desc')
        .firstOrFail()
      await as(client.post('/decisions'), clerk)
        .withCsrfToken()
        .form({
          kind: 'ex_officio',
          judgment_id: judgment.id,
          ...rows('parties', [{ role: 'debtor', name: 'Đỗ Văn B' }]),
          ...rows('obligations', [
            { kind: 'money', description: 'Tiền phạt', amount: '1000000', payee: 'state_budget' },
          ]),
          submit: '1',
        })
        .redirects(0)
      const draft = await Case.query().where('judgment_id', judgment.id).firstOrFail()
      await as(client.post(`/decisions/${draft.id}/reject`), head)
        .withCsrfToken()
        .form({ comment: 'Thiếu địa chỉ người phải thi hành án' })
        .redirects(0)
      await draft.refresh()
      assert.equal(draft.draftStatus, 'rejected')
      const page = await as(client.get(`/decisions/${draft.id}/edit`), clerk)
      page.assertTextIncludes('Thiếu địa chỉ người phải thi hành án')
      await as(client.post(`/decisions/${draft.id}/submit`), clerk)
        .withCsrfToken()
        .redirects(0)
      await draft.refresh()
      assert.equal(draft.draftStatus, 'submitted')
    })
  }
)

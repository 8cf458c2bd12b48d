import { describe, expect, it } from 'vitest';
import { OutcomeBody, OutcomeForm } from '../../../src/outcomes/schema.js';

const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('outcome reports', () => {
  it('needs a follow-up date for a follow-up', () => {
    expect(paths(OutcomeForm.safeParse({ status: 'follow_up' }))).toEqual({
      follow_up_on: 'v.outcomes.follow_up_required',
    });
    expect(OutcomeForm.parse({ status: 'follow_up', follow_up_on: '2026-12-15' }).followUpOn).toBe(
      '2026-12-15',
    );
  });

  it('needs a reason from the list for no deal', () => {
    expect(paths(OutcomeBody.safeParse({ status: 'no_deal' }))).toEqual({
      no_deal_reason: 'v.outcomes.reason_required',
    });
    expect(OutcomeBody.safeParse({ status: 'no_deal', no_deal_reason: 'too_expensive' }).success).toBe(false);
    expect(OutcomeBody.parse({ status: 'no_deal', no_deal_reason: 'price' }).noDealReason).toBe('price');
  });

  it('refuses a deal at a meeting the report itself calls a no-show', () => {
    expect(paths(OutcomeForm.safeParse({ status: 'mou', attendance: 'no_show_supplier' }))).toEqual({
      attendance: 'v.outcomes.no_show_deal',
    });
  });

  it('drops a date or reason that does not apply to the status', () => {
    const r = OutcomeForm.parse({ status: 'deal', follow_up_on: '2026-12-15', no_deal_reason: 'price' });
    expect(r.followUpOn).toBeNull();
    expect(r.noDealReason).toBeNull();
  });

  it('reads the consent checkbox and a survey wave, and ignores a forged wave', () => {
    expect(OutcomeForm.parse({ status: 'pending', share_names: '1', survey: '6m' })).toMatchObject({
      shareNames: true,
      survey: '6m',
    });
    expect(OutcomeForm.parse({ status: 'pending', survey: '12m' })).toMatchObject({
      shareNames: false,
      survey: null,
    });
  });

  it('takes the API body exactly as documented and refuses unknown fields', () => {
    const r = OutcomeBody.parse({
      status: 'follow_up',
      value_idr: '1,25 M',
      products: ' Liner ball mill ',
      follow_up_on: '2026-12-15',
      notes: '',
      no_deal_reason: null,
    });
    expect(r).toMatchObject({
      status: 'follow_up',
      valueIdr: 1_250_000_000n,
      products: 'Liner ball mill',
      notes: null,
    });
    expect(OutcomeBody.safeParse({ status: 'deal', colour: 'red' }).success).toBe(false);
    expect(OutcomeBody.safeParse({ status: 'won' }).success).toBe(false);
  });
});

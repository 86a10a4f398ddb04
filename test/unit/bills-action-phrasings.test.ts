import { describe, expect, it } from 'vitest';
import { type ActionKind, classifyAction, normalizeAction } from '../../shared/bills/legiscan-actions.js';

/**
 * How legislatures word the same step, written from the style of public state journals and LegiScan
 * history rows (not copied from any export). Each row: the state whose style it follows, the action,
 * the classification it must get. `undefined` = a plain action that moves no stage.
 */
const PHRASINGS: [string, string, ActionKind | undefined][] = [
  // introduction, filing, referral
  ['TX', 'Filed', 'filing'],
  ['IL', 'Filed with the Clerk by Rep. Ana Alder', 'filing'],
  ['AK', 'PREFILE RELEASED 1/10/25', 'filing'],
  ['FL', 'Prefiled', 'filing'],
  ['IL', 'First Reading', 'introduction'],
  ['TX', 'Received from the House', 'introduction'],
  ['IL', 'Arrived in Senate', 'introduction'],
  ['CA', 'In Senate. Read first time. To Com. on RLS. for assignment.', 'introduction'],
  ['TX', 'Read first time', 'introduction'],
  ['WA', 'First reading, referred to Transportation.', 'referral-committee'],
  ['FL', 'Referred to Judiciary; Appropriations', 'referral-committee'],
  ['CO', 'Introduced In House - Assigned to Transportation & Local Government', 'referral-committee'],
  ['MN', 'Introduction and first reading, referred to Transportation Finance and Policy', 'referral-committee'],
  ['IL', 'Assigned to Executive Committee', 'referral-committee'],
  ['GA', 'Senate Read and Referred', 'referral-committee'],
  ['IL', 'Rule 19(a) / Re-referred to Rules Committee', 'referral-committee'],
  ['CA', 'From committee: Do pass and re-refer to Com. on APPR. (Ayes 5. Noes 2.)', 'referral-committee'],
  ['CO', 'House Committee on Finance Refer Amended to Appropriations', 'referral-committee'],
  ['AK', 'L&C, FIN', 'referral-list'],
  // committee reports and deaths in committee
  ['TX', 'Reported favorably w/o amendment(s)', 'committee-report'],
  ['VA', 'Reported from Finance (12-Y 8-N)', 'committee-report'],
  ['ME', 'Reported Ought to Pass', 'committee-report'],
  ['WA', 'TRAN - Majority; do pass.', 'committee-report'],
  ['IL', 'Do Pass / Short Debate Executive Committee; 010-000-000', 'committee-report'],
  ['GA', 'Senate Committee Favorably Reported', 'committee-report'],
  ['FL', 'Favorable by Judiciary; YEAS 9 NAYS 0', 'committee-report'],
  ['CO', 'House Committee on Transportation Refer Unamended to House Committee of the Whole', 'committee-report'],
  ['NJ', 'Reported from Senate Committee, 2nd Reading', 'committee-report'],
  ['AK', 'FIN RPT 9DP', 'committee-report'],
  ['OK', 'Discharged from committee', 'committee-report'],
  ['ME', 'Ought Not to Pass', 'committee-failure'],
  ['FL', 'Died in Appropriations', 'failure'],
  ['KS', 'Died in Committee', 'committee-failure'],
  ['CO', 'Senate Committee on State, Veterans, & Military Affairs Postpone Indefinitely', 'committee-failure'],
  ['NH', 'Inexpedient to Legislate: MA VV', 'committee-failure'],
  ['MS', 'Reported unfavorably', 'committee-failure'],
  // calendars
  ['TX', 'Placed on General State Calendar', 'scheduling'],
  ['IL', 'Placed on Calendar 2nd Reading - Short Debate', 'scheduling'],
  ['WA', 'Rules suspended. Placed on Third Reading.', 'scheduling'],
  ['KY', 'Read second time; ordered to third reading', 'scheduling'],
  ['NV', 'Read second time. Passed to third reading.', 'scheduling'],
  ['AK', 'RULES TO CALENDAR 4/11/2025', 'scheduling'],
  // floor passage and failure
  ['TX', 'Read 3rd time', undefined],
  ['TX', 'Passed', 'passage'],
  ['FL', 'Read 3rd time; Passed (Vote: 118 Yeas / 0 Nays)', 'passage'],
  ['CO', 'House Third Reading Passed - No Amendments', 'passage'],
  ['MO', 'Third Reading Passed', 'passage'],
  ['OK', 'Passed 3rd reading', 'passage'],
  ['VA', 'Read third time and passed House (97-Y 0-N)', 'passage'],
  ['CA', 'Read third time. Passed. Ordered to the Senate. (Ayes 60. Noes 15.)', 'passage'],
  ['NY', 'PASSED ASSEMBLY', 'passage'],
  ['NJ', 'Passed by the Assembly (75-0-0)', 'passage'],
  ['GA', 'House Passed/Adopted', 'passage'],
  ['IL', 'Third Reading - Short Debate - Passed 112-000-000', 'passage'],
  ['WA', 'Third reading, passed; yeas, 95; nays, 0; absent, 0; excused, 3.', 'passage'],
  ['ME', 'Passed to be Engrossed', 'passage'],
  ['SC', 'Resolution adopted', 'passage'],
  ['AL', 'Adopted by voice vote', 'passage'],
  ['AK', 'PASSED ON RECONSIDERATION Y11 N9', 'passage'],
  ['NC', 'Passed 3rd Reading', 'passage'],
  ['TX', 'Read 2nd time & passed to engrossment', undefined],
  ['AK', 'FAILED PASSAGE Y25 N12 E3', 'failure'],
  ['MO', 'Third Reading Failed', 'failure'],
  ['VA', 'Passed by indefinitely in Finance (10-Y 4-N)', 'failure'],
  ['ME', 'Indefinitely Postponed', 'failure'],
  ['NH', 'Lost', 'failure'],
  ['OK', 'Failed to pass', 'failure'],
  // concurrence
  ['WA', 'Senate concurred in House amendments.', 'concurrence'],
  ['AK', 'CONCUR AM OF (S)', 'concurrence'],
  ['TX', 'House concurs in Senate amendment(s)', 'concurrence'],
  ['MD', 'House Refuses to Concur - Senate Amendments', undefined],
  // the executive
  ['CO', 'Sent to the Governor', 'executive-receipt'],
  ['TX', 'Sent to the Governor', 'executive-receipt'],
  ['FL', 'Presented to Governor', 'executive-receipt'],
  ['NY', 'DELIVERED TO GOVERNOR', 'executive-receipt'],
  ['CA', 'Enrolled and presented to the Governor at 3 p.m.', 'executive-receipt'],
  ['VA', 'Enrolled Bill communicated to Governor on March 3, 2025', 'executive-receipt'],
  ['AK', '11:58 A.M. 2/28/25 TRANSMITTED TO GOVERNOR', 'executive-receipt'],
  ['AK', 'AWAITING TRANSMITTAL TO GOV', undefined],
  ['CO', 'Governor Signed', 'executive-signature'],
  ['TX', 'Signed by the Governor', 'executive-signature'],
  ['CA', 'Approved by the Governor.', 'executive-signature'],
  ['WA', 'Governor signed.', 'executive-signature'],
  ['IL', 'Governor Approved', 'executive-signature'],
  ['MN', "Governor's action Approval", 'executive-signature'],
  ['AK', 'SIGNED INTO LAW 3/6 CHAPTER 1 SLA 25', 'executive-signature'],
  ['AK', 'Signed by Governor with line item vetoes', 'executive-signature'],
  ['CO', 'Signed by the Speaker of the House', undefined],
  ['CO', 'Signed by the President of the Senate', undefined],
  ['CO', 'Governor Vetoed', 'executive-veto'],
  ['CA', 'Vetoed by Governor.', 'executive-veto'],
  ['MO', 'Pocket vetoed', 'executive-veto'],
  ['MN', "Governor's action Veto", 'executive-veto'],
  ['AK', 'VETOED BY GOVERNOR 4/17/25', 'executive-veto'],
  ['KS', 'Veto sustained', undefined],
  ['KY', 'Veto overridden', 'veto-override-passage'],
  ['NC', 'Passed notwithstanding the objections of the Governor', 'veto-override-passage'],
  ['MD', 'Veto Override Passed', 'veto-override-passage'],
  ['KS', "Motion to override Governor's veto failed", undefined],
  ['CA', 'Chaptered by Secretary of State - Chapter 12, Statutes of 2025.', 'became-law'],
  ['FL', 'Chapter No. 2025-12', 'became-law'],
  ['WA', 'Chapter 12, 2025 Laws.', 'became-law'],
  ['WA', 'Effective date 7/27/2025.', 'became-law'],
  ['TX', 'Effective immediately', 'became-law'],
  ['TX', "Filed without the Governor's signature", 'became-law'],
  ['CO', 'Became Law', 'became-law'],
  ['KS', 'Became law without signature', 'became-law'],
  ['IL', 'Public Act . . . . . . . . . 104-0012', 'became-law'],
  ['GA', 'Act 123', 'became-law'],
  ['NY', 'SIGNED CHAP.123', 'became-law'],
  ['NJ', 'Approved P.L.2025, c.12.', 'became-law'],
  ['MN', 'Secretary of State Chapter 12', 'became-law'],
  ['AK', 'EFFECTIVE DATE(S) OF LAW 3/7/2025', 'became-law'],
  // withdrawal
  ['TX', 'Withdrawn by author', 'withdrawal'],
  ['AK', 'NOT INTRODUCED', 'withdrawal'],
  // plain actions: they move nothing
  ['AK', 'READ THE SECOND TIME', undefined],
  ['AK', 'AM NO 3 FAILED Y9 N28 E3', undefined],
  ['AK', 'FIN CS ADOPTED UC', undefined],
  ['AK', 'EFFECTIVE DATE(S) SAME AS PASSAGE', undefined],
  ['AK', 'EFFECTIVE DATE(S) ADOPTED Y31 N9', undefined],
  ['AK', "GOVERNOR'S TRANSMITTAL LETTER", undefined],
  ['AK', 'AM NO 3 OFFERED AND WITHDRAWN', undefined],
  ['CO', 'House Second Reading Passed with Amendments - Committee', undefined],
  ['TX', 'Amendment No. 1 adopted', undefined],
  ['OH', 'Motion to reconsider failed', undefined],
  ['TX', 'Left pending in committee', undefined],
  ['WA', 'Minority; do not pass.', undefined],
  ['NC', 'Conference Committee Report Adopted', undefined],
  ['FL', 'Committee Substitute Text (C1) filed', undefined],
  ['IL', 'Added Co-Sponsor Rep. Bo Birch', undefined],
  ['WI', 'Public hearing held', undefined],
  ['TX', 'Hearing scheduled 02/05/2025', undefined],
  ['NY', 'AMENDED AND RECOMMITTED TO RULES', 'referral-committee'],
];

describe('the action vocabulary across legislatures', () => {
  it('covers at least 60 phrasings from at least 10 legislatures', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(PHRASINGS.map(([state]) => state)).size).toBeGreaterThanOrEqual(10);
  });

  it.each(PHRASINGS)('%s: %s → %s', (_state, action, kind) => {
    expect(classifyAction(action)).toBe(kind);
  });

  it('ignores case and punctuation: one phrasing in any dress is one classification', () => {
    for (const [, action, kind] of PHRASINGS) {
      expect(classifyAction(action.toLowerCase()), action).toBe(kind);
      expect(classifyAction(`  ${action.toUpperCase().replace(/ /g, '  ')}.`), action).toBe(kind);
    }
  });

  it('spells out ordinals and drops punctuation when normalising', () => {
    expect(normalizeAction('Passed 3rd Reading; Sent to the Governor.')).toBe('PASSED THIRD READING SENT TO THE GOVERNOR');
    expect(normalizeAction('Read 2nd time & passed')).toBe('READ SECOND TIME PASSED');
  });
});

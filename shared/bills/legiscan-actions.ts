import type { Classification } from './workflow.js';

export type ActionKind = Classification | 'committee-report' | 'referral-list';

/**
 * One wording family of legislative actions: `match` is tried on the action normalised by
 * `normalizeAction` (upper case, punctuation and "&" become spaces, "3rd" becomes "THIRD"), or on the raw
 * upper-cased text when `raw` is set (for committee abbreviations such as Alaska's "L&C, FIN").
 * `unless` vetoes the match: amendments, motions and committee substitutes say "adopted", "passed" and
 * "failed" too, and must not move the bill. The first family that matches wins, so the order matters:
 * the specific (veto override, "passed to third reading") before the general ("passed").
 */
export interface ActionRule {
  family: string;
  kind: ActionKind;
  match: RegExp;
  unless?: RegExp;
  raw?: true;
}

/** Words that make "passed", "adopted" or "failed" about something other than the bill itself. */
const NOT_THE_BILL =
  /\bAM\b|(?<!\b(NO|WITHOUT|WITH|W O) )\bAMENDMENTS?\b|\bMOTIONS?\b|\bCS\b|\bSUBSTITUTE\b|\bCOMMITTEE\b|\bREPORTS?\b|\bCONCUR|\bCONFERENCE\b|\bVETO|\bOVERRID|\bRECONSIDERATION (FAILED|TABLED)\b|\bSECOND (READING|TIME)\b|\bENGROSSMENT\b|\bTO THIRD READING\b|\bPASSED (OVER|TEMPORARILY|BY FOR THE DAY|BY TEMPORARILY)\b|\bEFFECTIVE DATE\b|\bCLAUSE\b|\bRULES? SUSPENDED\b|\bPREVIOUS QUESTION\b|\bEMERGENCY\b/;

/** The families, in the order they are tried (see docs/bills.md, "Adding a rule"). */
export const ACTION_RULES: readonly ActionRule[] = [
  // Alaska's journal abbreviations: a committee list is a referral, "FIN RPT 9DP" a committee report.
  {
    family: 'committee abbreviations',
    kind: 'referral-list',
    raw: true,
    match: /^[A-Z&]{2,4}(, ?[A-Z&]{2,4})*$/,
    unless: /^(LOST|DIED|HELD|READ|SENT|PASS|FAIL|VETO|LAW|ACT)$/,
  },
  { family: 'committee report (abbreviated)', kind: 'committee-report', raw: true, match: /^[A-Z&]{2,4} RPT\b/ },
  {
    family: 'veto override',
    kind: 'veto-override-passage',
    match:
      /\bVETO (WAS |IS )?OVERRIDDEN\b|\bOVERRIDE (OF )?(THE )?(GOVERNOR S )?VETO (PASSED|ADOPTED|SUCCEEDED|SUCCESSFUL|PREVAILED)\b|\bVETO OVERRIDE (PASSED|ADOPTED|SUCCESSFUL)\b|\bPASSED (OVER|NOTWITHSTANDING) (THE )?(GOVERNOR S )?(VETO|OBJECTIONS?)\b|\bOVERRODE\b/,
    unless: /\bFAIL|\bSUSTAIN|\bLOST\b|\bNOT OVERRIDDEN\b/,
  },
  {
    family: 'veto',
    kind: 'executive-veto',
    match: /\bVETOED\b|\bPOCKET VETO\b|\bGOVERNOR S ACTION VETO\b|^VETO BY GOVERNOR\b|^GOVERNOR VETO\b/,
    unless: /\bLINE ITEMS?\b|\bITEM VETO|\bPARTIAL|\bSUSTAIN|\bOVERRID|\bOVERRODE\b/,
  },
  {
    family: 'became law',
    kind: 'became-law',
    match:
      /\bEFFECTIVE DATE S OF LAW\b|\bBEC(AME|OMES|OME) (LAW|AN ACT|ACT)\b|\bLAW WITHOUT (THE )?(GOVERNOR S )?SIGNATURE\b|\bCHAPTERED\b|^CHAPTER (NO )?\d+|\bASSIGNED (CHAPTER|ACT) (NO )?\d*|^(PUBLIC |SESSION )?(ACT|LAW) (NO )?\d+|\b(HOUSE|SENATE|LEGISLATIVE) RESOLVE NO\b|\bFILED WITH (THE )?SECRETARY OF STATE\b|\bDEPOSITED WITH (THE )?SECRETARY OF STATE\b|^ENACTED\b|^SIGNED CHAP|^EFFECTIVE (DATE|IMMEDIATELY|ON)\b|\bFILED WITHOUT (THE )?(GOVERNOR S )?SIGNATURE\b|\bSECRETARY OF STATE CHAPTER\b|^APPROVED P ?L\b/,
    unless: /\bSAME AS PASSAGE\b|\bCLAUSE\b|\bADOPTED\b|\bFAILED\b|\bY\d+\b|\bAM\b|\bAMENDMENTS?\b/,
  },
  {
    family: 'signed by the governor',
    kind: 'executive-signature',
    match:
      /\bSIGNED INTO LAW\b|\bSIGNED BY (THE )?GOV(ERNOR)?\b|\bGOV(ERNOR)? (HAS )?SIGNED\b|\bAPPROVED BY (THE )?GOV(ERNOR)?\b|\bGOV(ERNOR)? APPROVED\b|\bGOVERNOR S SIGNATURE (AFFIXED|RECEIVED)\b|\bGOVERNOR S ACTION APPROVAL\b/,
  },
  {
    family: 'sent to the governor',
    kind: 'executive-receipt',
    match:
      /\b(TRANSMITTED|SENT|PRESENTED|DELIVERED|FORWARDED|SUBMITTED|COMMUNICATED|ENROLLED|REFERRED) (TO )?(THE )?GOV(ERNOR)?\b(?! S)|^(ENROLLED )?TO (THE )?GOVERNOR\b|\b(RECEIVED BY|IN THE HANDS OF) (THE )?GOVERNOR\b|\bGOVERNOR RECEIVED\b/,
  },
  {
    family: 'concurrence',
    kind: 'concurrence',
    match:
      /^CONCUR AM OF\b|\bCONCURRED (IN|WITH)\b|\b(HOUSE|SENATE|ASSEMBLY) CONCURS?\b|\bCONCUR(S|RED)? IN (THE )?(HOUSE|SENATE|ASSEMBLY) AMENDMENTS?\b|\bAMENDMENTS? CONCURRED IN\b|\bCONCURRENCE ADOPTED\b/,
    unless: /\bREFUSE|\bNOT CONCUR|\bNON ?CONCUR|\bFAIL|\bDECLINE|\bREJECT|\bMOTION TO CONCUR\b|\bRECEDE/,
  },
  {
    family: 'died in committee',
    kind: 'committee-failure',
    match:
      /\b(DIED|HELD|FAILED|TABLED|LEFT|KILLED) IN (THE )?COMMITTEE\b|\bREPORTED (UN ?FAVORABL[EY]|ADVERSELY)\b|\b(UN ?FAVORABLE|ADVERSE) REPORT\b|\bDO NOT PASS\b|\bOUGHT NOT TO PASS\b|\bINEXPEDIENT TO LEGISLATE\b|\bFAILED TO (REPORT|RECEIVE A DO PASS)\b|\bCOMMITTEE\b.*\bPOSTPONED? INDEFINITELY\b/,
    unless: /\bMINORITY\b|\bAMENDMENT/,
  },
  {
    family: 'referral',
    kind: 'referral-committee',
    match:
      /\bREFERRED\b|\bREFER (UN)?(AMENDED )?TO\b|\bASSIGNED TO\b|\bREFERRAL ADDED\b|\bRE ?REFERRED\b|\bRECOMMITTED\b|\bASSIGNED TO (THE )?(\w+ ){0,5}COMMITTEE\b|\bTO (THE )?COMMITTEE ON\b|\bSENT TO (THE )?(\w+ ){0,4}COMMITTEE\b/,
    unless:
      /\bGOVERNOR\b|\bSECRETARY OF STATE\b|\bCOMMITTEE OF THE WHOLE\b|\bCONFERENCE\b|\bENGROSSING\b|\bENROLLING\b|\bAMENDMENT|\bCALENDAR\b|\bTHIRD READING\b/,
  },
  {
    family: 'reported from committee',
    kind: 'committee-report',
    match:
      /\bREPORTED (OUT|FAVORABLY|FAVORABLE|WITH|WITHOUT|BACK|AS AMENDED|BY|FROM|DO PASS|PASS|OUGHT TO PASS|CORRECTLY|SUBSTITUTED)\b|\bFAVORABL[EY] (REPORT|REPORTED|RECOMMENDATION)\b|\bDO PASS\b|\bOUGHT TO PASS\b|\bDISCHARGED?\b|\bCOMMITTEE REPORT\b.*\b(PASS|FAVORABLE|ADOPTED)\b|\bRECOMMENDED (FOR )?(PASSAGE|DO PASS|FAVORABLY)\b|\b(PASSED|APPROVED|ADOPTED) (BY |IN |OUT OF )?(THE )?(\w+ ){0,4}COMMITTEE\b|\bOUT OF COMMITTEE\b|\bVOTED OUT\b|\bFAVORABLE BY\b|\bREFER (UN)?AMENDED TO (THE )?(HOUSE |SENATE )?COMMITTEE OF THE WHOLE\b/,
    unless: /\bMOTION\b|\bFAIL|\bCONFERENCE\b|\bSECOND READING (PASSED|ADOPTED)\b/,
  },
  {
    family: 'placed on the calendar',
    kind: 'scheduling',
    match:
      /\bRULES TO CALENDAR\b|\bADVANCED TO THIRD READING\b|\b(PLACED|SET|ORDERED|PUT|RETURNED|ADVANCED|PASSED) (ON|FOR|TO) (THE )?(\w+ ){0,3}(CALENDAR|THIRD READING|GENERAL ORDERS?|SPECIAL ORDERS?|GENERAL FILE|FINAL READING|FINAL PASSAGE)\b|\bCALENDARED\b|\bSCHEDULED FOR (FLOOR|THIRD|FINAL|A VOTE|VOTE|CONSIDERATION)\b|\bTO THIRD READING\b/,
    unless: /\bREMOVED\b|\bWITHDRAWN\b|\bTABLED\b|\bFAIL|\bAM\b|\bAMENDMENTS?\b|\bBOTTOM\b/,
  },
  {
    family: 'failed on the floor',
    kind: 'failure',
    match:
      /\bFAILED PASSAGE\b|\bFAILED TO PASS\b|\bFAILED (ON )?(THIRD|FINAL) READING\b|\b(THIRD|FINAL) READING (AND )?(FINAL PASSAGE )?FAILED\b|\bREAD (A )?THIRD TIME (AND )?FAILED\b|\bDEFEATED\b|\bNOT PASSED\b|\bINDEFINITELY POSTPONED\b|\bPOSTPONED? INDEFINITELY\b|\bPASSED BY INDEFINITELY\b|\bFAILED ADOPTION\b|\bREJECTED\b|\bDIED\b|\bENACTING CLAUSE STRICKEN\b|^(BILL )?LOST\b|\bLOST ON (THIRD|FINAL)\b/,
    unless: NOT_THE_BILL,
  },
  {
    family: 'passed on the floor',
    kind: 'passage',
    match:
      /^PASSED\b|\bPASSED (THE )?(HOUSE|SENATE|ASSEMBLY)\b|\b(HOUSE|SENATE|ASSEMBLY) PASSED\b|\bTHIRD READING (AND FINAL PASSAGE )?(PASSED|ADOPTED)\b|\bREAD (A )?THIRD TIME (AND )?PASSED\b|\bPASSED (ON )?(THIRD|FINAL) READING\b|\bFINAL PASSAGE (PASSED|ADOPTED|APPROVED)\b|\bPASSED AS AMENDED\b|^(RESOLUTION )?ADOPTED\b|\bRESOLUTION ADOPTED\b|\bPASSED\b/,
    unless: NOT_THE_BILL,
  },
  {
    family: 'introduced',
    kind: 'introduction',
    match:
      /\bREAD (THE |A )?FIRST TIME\b|\bFIRST READING\b|\bINTRODUCED\b|\bRECEIVED FROM (THE )?(HOUSE|SENATE|ASSEMBLY)\b|\bARRIVED IN (THE )?(HOUSE|SENATE|ASSEMBLY)\b/,
    unless: /^NOT INTRODUCED\b|\bAMENDMENT|\bSUBSTITUTE\b/,
  },
  { family: 'prefiled', kind: 'filing', match: /^PREFILE(D)?\b|^PRE FILED\b|\bPREFILED\b|^FILED\b|\bFILED FOR INTRODUCTION\b/ },
  {
    family: 'withdrawn',
    kind: 'withdrawal',
    match: /^NOT INTRODUCED\b|\bWITHDRAWN\b/,
    unless:
      /\bAM\b|\bAMENDMENTS?\b|\bFROM (THE )?(\w+ ){0,4}(COMMITTEE|CALENDAR)\b|\bMOTION\b|\bREFERRAL\b|\bCOSPONSOR|\bSPONSORSHIP\b|\bOFFERED\b/,
  },
];

const ORDINALS: Record<string, string> = { '1': 'FIRST', '2': 'SECOND', '3': 'THIRD' };

/**
 * An action as the rules read it: upper case, ordinals spelled out, every run of punctuation one space.
 * @example normalizeAction('Passed 3rd Reading; Sent to the Governor.') // 'PASSED THIRD READING SENT TO THE GOVERNOR'
 */
export function normalizeAction(action: string): string {
  return action
    .toUpperCase()
    .replace(/\b([123])(ST|ND|RD)\b/g, (_, n: string) => ORDINALS[n] as string)
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** The rule an action falls under, or undefined when it changes no stage. */
export function ruleFor(action: string): ActionRule | undefined {
  const raw = action
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.;:]+$/, '')
    .trim();
  const text = normalizeAction(action);
  return ACTION_RULES.find((r) => {
    const t = r.raw ? raw : text;
    return r.match.test(t) && !r.unless?.test(t);
  });
}

/**
 * What a history action means, or undefined for actions that change no stage (amendments, fiscal
 * notes, cosponsors, readings that do not schedule). Case- and punctuation-insensitive.
 * @example classifyAction('PASSED Y34 N6') // 'passage'
 * @example classifyAction('Third Reading Passed') // 'passage'
 */
export function classifyAction(action: string): ActionKind | undefined {
  return ruleFor(action)?.kind;
}

/**
 * An action's wording with its particulars (numbers, dates, vote tallies) blanked, so the import report
 * can count phrasings: "AM NO 3 FAILED Y9 N28" and "AM NO 12 FAILED Y20 N19" are one phrasing.
 * @example actionShape('Am No 3 failed Y9 N28') // 'AM NO # FAILED Y# N#'
 */
export function actionShape(action: string): string {
  return action
    .toUpperCase()
    .replace(/\d+/g, '#')
    .replace(/#(\s*[/.-]\s*#)+/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

/** How many committees a referral names: "L&C, FIN" → 2, "REFERRED TO FINANCE" → 1. */
export function committeesReferred(action: string): number {
  const text = action.trim().toUpperCase();
  return /^[A-Z&]{2,4}(, ?[A-Z&]{2,4})*$/.test(text) ? text.split(',').length : 1;
}

/**
 * A calendar date in a scheduling action ("RULES TO CALENDAR 4/11/2025", "ADVANCED TO THIRD READING
 * 4/14 CALENDAR"), as an ISO time at noon UTC; the action's own date when it names none.
 * @example scheduledDate('ADVANCED TO THIRD READING 4/14 CALENDAR', '2025-04-11') // '2025-04-14T12:00:00.000Z'
 */
export function scheduledDate(action: string, actionDate: string): string {
  const match = /(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?/.exec(action);
  const year = actionDate.slice(0, 4);
  if (!match) return `${actionDate}T12:00:00.000Z`;
  const y = match[3] ? (match[3].length === 2 ? `20${match[3]}` : match[3]) : year;
  const iso = `${y}-${match[1]!.padStart(2, '0')}-${match[2]!.padStart(2, '0')}T12:00:00.000Z`;
  return Number.isNaN(Date.parse(iso)) ? `${actionDate}T12:00:00.000Z` : iso;
}

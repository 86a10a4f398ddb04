import { describe, expect, it } from 'vitest';
import type { StaffActor } from '../../shared/actor.js';
import { getService } from '../../shared/catalog/index.js';
import { ValidationError } from '../../shared/errors.js';
import { type HistoryEvent, type Item, newReport } from '../../shared/items.js';
import { applyRedaction, DEFAULT_REPLACEMENT, redactionSchema } from '../../shared/moderation.js';
import { applyPatch } from '../../shared/patch.js';
import { toPublicItem } from '../../shared/public-view.js';

const staff: StaffActor = { type: 'staff', id: 'roads.officer', name: 'Rita', groups: ['roads'] };
const now = '2026-12-02T10:00:00.000Z';
const ids = { id: '01J00000000000000000000001', reference: 'RF-1234567', now, eventId: '01J00000000000000000000002' };
const PHOTO = '01J0000000000000000000000P';
const COMMENT = '01J0000000000000000000000C';

function report(): { item: Item; history: HistoryEvent[] } {
  const { item, events } = newReport(
    getService('pothole'),
    { serviceCode: 'pothole', title: 'Outside Jo Bloggs house', description: 'Call 07700 900123', address: '12 High St', photos: [PHOTO] },
    ids,
  );
  const comment: HistoryEvent = {
    id: COMMENT,
    at: now,
    actor: { type: 'staff', id: 'x', name: 'X' },
    type: 'comment',
    note: 'Spoke to Sam Quill',
    visibility: 'public',
  };
  return { item, history: [...events, comment] };
}

describe('redaction', () => {
  it('overlays the public view and keeps the original on the item, with an internal event saying who and why', () => {
    const { item, history } = report();
    const change = applyRedaction(item, history, { field: 'title', reason: 'a name' }, staff, { now, eventId: 'E1' });
    expect(change.item.title).toBe('Outside Jo Bloggs house');
    expect(toPublicItem(change.item).title).toBe(DEFAULT_REPLACEMENT);
    expect(toPublicItem(item).title).toBe('Outside Jo Bloggs house'); // positive control
    expect(change.events[0]).toMatchObject({
      type: 'redacted',
      field: 'title',
      note: 'a name',
      visibility: 'internal',
      actor: { id: 'roads.officer' },
    });
    expect(change.notifications).toEqual([]);
  });

  it('a comment redaction replaces its note in the public history only', () => {
    const { item, history } = report();
    const { item: redacted } = applyRedaction(
      item,
      history,
      { field: `comment:${COMMENT}`, reason: 'a name', replacement: '[removed]' },
      staff,
      { now, eventId: 'E1' },
    );
    const publicNotes = toPublicItem(redacted, { history }).history?.map((e) => e.note);
    expect(publicNotes).toContain('[removed]');
    expect(JSON.stringify(toPublicItem(redacted, { history }).history)).not.toContain('Sam Quill');
  });

  it('a title edit in the public history is redacted with the title', () => {
    const { item, history } = report();
    const edit = applyPatch(item, { title: 'Jo Bloggs again' }, staff, { now, eventId: () => 'E0' });
    const { item: redacted } = applyRedaction(edit.item, [...history, ...edit.events], { field: 'title', reason: 'a name' }, staff, {
      now,
      eventId: 'E1',
    });
    const view = JSON.stringify(toPublicItem(redacted, { history: [...history, ...edit.events] }));
    expect(view).not.toContain('Jo Bloggs');
  });

  it('a photo redaction hides the photo from the public', () => {
    const { item, history } = report();
    expect(toPublicItem(item).photos).toHaveLength(1);
    const { item: redacted } = applyRedaction(item, history, { field: `photo:${PHOTO}`, reason: 'a child' }, staff, { now, eventId: 'E1' });
    expect(toPublicItem(redacted).photos).toBeUndefined();
    expect(redacted.photos).toEqual([{ id: PHOTO, hidden: true }]);
  });

  it('refuses a comment or photo the report does not have, and a field that is not redactable', () => {
    const { item, history } = report();
    const other = '01J0000000000000000000000Z';
    expect(() => applyRedaction(item, history, { field: `comment:${other}`, reason: 'x' }, staff, { now, eventId: 'E1' })).toThrow(
      ValidationError,
    );
    expect(() => applyRedaction(item, history, { field: `photo:${other}`, reason: 'x' }, staff, { now, eventId: 'E1' })).toThrow(
      ValidationError,
    );
    expect(redactionSchema.safeParse({ field: 'reporter', reason: 'x' }).success).toBe(false);
    expect(redactionSchema.safeParse({ field: 'description', reason: 'x' }).success).toBe(true);
  });
});

describe('hiding', () => {
  it('PATCH {hidden} sets the flag with an internal event, and does nothing when already so', () => {
    const { item } = report();
    const hidden = applyPatch(item, { hidden: true }, staff, { now, eventId: () => 'E1' });
    expect(hidden.item.hidden).toBe(true);
    expect(hidden.events).toEqual([expect.objectContaining({ type: 'hidden', visibility: 'internal' })]);
    expect(applyPatch(hidden.item, { hidden: true }, staff, { now, eventId: () => 'E2' }).events).toEqual([]);
    const shown = applyPatch(hidden.item, { hidden: false }, staff, { now, eventId: () => 'E3' });
    expect(shown.item.hidden).toBeUndefined();
    expect(shown.events[0]?.type).toBe('unhidden');
  });
});

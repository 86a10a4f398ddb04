import { describe, expect, it } from 'vitest';
import { localizeProblem } from '../../functions/lib/problem-language.js';
import { dailyDigest } from '../../shared/alerts/digest.js';
import { alertConfirmation, alertMatch, describeAlertTarget } from '../../shared/alerts/emails.js';
import * as templates from '../../shared/email/templates.js';
import { languages, messagesOf, translator } from '../../shared/i18n/board.js';
import type { Translator } from '../../shared/i18n/translator.js';

const facts: templates.ItemFacts = {
  reference: 'RF-1234567',
  title: 'Hole <outside> the school',
  serviceName: 'Pothole',
  statusLabel: 'In progress',
  trackUrl: 'https://board.example/track/?id=RF-1234567',
};

/** Every email the board sends, in one language. */
function everyEmail(tr: Translator): templates.Email[] {
  const links = { unsubscribeUrl: 'https://b/u', manageUrl: 'https://b/m' };
  const circle = { type: 'circle' as const, center: { lat: 51.45, lng: -2.59 }, radiusMeters: 500 };
  return [
    templates.acknowledgement(facts, 'https://b/u', tr),
    templates.update(facts, { kind: 'status', note: 'Crew booked' }, 'https://b/u', tr),
    templates.update(facts, { kind: 'comment' }, 'https://b/u', tr),
    templates.billUpdate(facts, 'Yes 3, no 2', 'https://b/u', tr),
    templates.watchAlert(facts, undefined, 'https://b/s', tr),
    templates.assignment(facts, 'https://b/s', tr),
    templates.escalation(facts, 'at_risk', '2026-12-03T10:00:00Z', 'https://b/s', tr),
    templates.escalation(facts, 'breached', '2026-12-03T10:00:00Z', 'https://b/s', tr),
    templates.confirmation(facts, 'https://b/c', tr),
    alertConfirmation(circle, 'daily', 'https://b/c', tr),
    alertConfirmation({ type: 'service', serviceCode: 'pothole' }, 'instant', 'https://b/c', tr),
    alertMatch(facts, 'new', { type: 'area', areaId: 'E05001979' }, links, tr),
    alertMatch(facts, 'updated', circle, links, tr),
    dailyDigest(
      'Demo City',
      '2026-07-02',
      (['new', 'updated', 'finished'] as const).map((change) => ({ ...facts, change })),
      [{ description: describeAlertTarget(circle, tr), unsubscribeUrl: 'https://b/u' }],
      'https://b/m',
      tr,
    ),
  ];
}

/** The English email messages with no arguments: text that must not be left in another language's email. */
const englishSentences = Object.entries(messagesOf('en', ['email']))
  .filter(([key, text]) => key.startsWith('email.') && !text.includes('{'))
  .map(([, text]) => text);

describe('emails in each language', () => {
  it('the English emails say the English sentences (the control for the check below)', () => {
    const all = everyEmail(translator('en'))
      .flatMap((e) => [e.subject, e.text, e.html])
      .join('\n');
    for (const sentence of englishSentences) expect(all).toContain(sentence);
  });

  for (const lang of languages.filter((l) => l !== 'en')) {
    it(`${lang}: no English sentence is left, <html lang> is ${lang}, user text stays escaped`, () => {
      const emails = everyEmail(translator(lang));
      for (const email of emails) {
        for (const part of [email.subject, email.text]) for (const sentence of englishSentences) expect(part).not.toContain(sentence);
        expect(email.html).toContain(`<html lang="${lang}">`);
        expect(email.html).not.toContain('<outside>');
      }
    });
  }
});

describe("problems in the reader's language", () => {
  const notFound = { type: '/problems/not-found', title: 'Not found', status: 404, detail: 'There is no item "RF-1".' };

  it('English (the source) is the problem as the code wrote it', () => {
    expect(localizeProblem(notFound, translator('en'))).toEqual(notFound);
  });

  it('Welsh gets a Welsh title and detail; type and status never change', () => {
    const cy = localizeProblem(notFound, translator('cy'));
    expect(cy).toMatchObject({ type: '/problems/not-found', status: 404, title: 'Heb ei ganfod' });
    expect(cy.detail).not.toBe(notFound.detail);
  });

  it('a validation problem lists its fields in the language, with the common field messages translated and others as written', () => {
    const problem = {
      type: '/problems/validation',
      title: 'Your request has invalid fields',
      status: 400,
      detail: 'x',
      errors: [
        { path: 'colour', message: 'is not a known field' },
        { path: 'email', message: 'must be an email address like name@example.org' },
        { path: 'description', message: 'Invalid input: expected string, received undefined' },
        { path: 'photos', message: 'a schema of our own' },
      ],
    };
    const es = localizeProblem(problem, translator('es'));
    expect(es.title).toBe('Su solicitud tiene campos no válidos');
    expect(es.detail).toBe('Corrija estos campos: colour, email, description y photos.');
    expect(es.errors).toEqual([
      { path: 'colour', message: 'no es un campo conocido' },
      { path: 'email', message: 'debe ser una dirección de correo electrónico como nombre@example.org' },
      { path: 'description', message: 'es obligatorio' },
      { path: 'photos', message: 'a schema of our own' },
    ]);
  });

  it('says how long to wait in the language, and leaves a type the catalog does not know as written', () => {
    const limited = { type: '/problems/too-many-requests', title: 'Too many requests', status: 429, detail: 'x' };
    expect(localizeProblem(limited, translator('es'), 30).detail).toBe('Demasiadas solicitudes: inténtelo de nuevo dentro de 30 segundos.');
    const odd = { type: '/problems/something-new', title: 'Something new', status: 418, detail: 'As written' };
    expect(localizeProblem(odd, translator('cy'))).toEqual(odd);
  });
});

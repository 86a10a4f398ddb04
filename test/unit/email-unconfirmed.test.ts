import { describe, expect, it } from 'vitest';
import { acknowledgement, confirmation } from '../../shared/email/templates.js';

// What an attacker types as a title when they name someone else's address (issue 14, defect 6).
const facts = {
  reference: 'RF-1234567',
  title: 'Your council tax refund: claim at https://refund.example',
  serviceName: 'Pothole',
  statusLabel: 'Submitted',
  trackUrl: 'https://board.example/track/?id=RF-1234567',
};

const everything = (e: { subject: string; text: string; html: string }) => `${e.subject}\n${e.text}\n${e.html}`;

describe('emails to an address nobody has confirmed', () => {
  it('the acknowledgement names the service and the reference, never the title', () => {
    const email = everything(acknowledgement(facts, 'https://board.example/u?token=t'));
    expect(email).toContain('RF-1234567');
    expect(email).toContain('pothole report');
    expect(email).not.toContain('refund');
  });

  it('the follow confirmation names the service and the reference, never the title', () => {
    const email = everything(confirmation(facts, 'https://board.example/c?token=t'));
    expect(email).toContain('Pothole RF-1234567');
    expect(email).toContain('https://board.example/c?token=t');
    expect(email).not.toContain('refund');
  });
});

import { describe, expect, it } from 'vitest';
import en from '../locales/en/staff.json' with { type: 'json' };
import { findRoute, mayOpen, menuFor } from '../web/src/routes.js';
import { ROLES } from '../web/src/roles.js';

const menu = (role: (typeof ROLES)[number]) => menuFor([role]).map((r) => en[r.title]);

describe('the staff app menu', () => {
  it('shows each role only the pages it may use', () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, menu(r)]))).toEqual({
      // The job-offer check is public, so every role has it.
      admin: ['Job check', 'Users', 'Audit trail'],
      coordinator: ['Contacts', 'Job check', 'Cases', 'Partners', 'Statistics', 'Campaigns'],
      hotline: ['Contacts', 'Job check'],
      caseworker: ['Contacts', 'Job check', 'Cases', 'Follow-ups', 'Partners'],
      campaign: ['Job check', 'Campaigns'],
    });
  });

  it('adds up the menus of a user with several roles, each page once', () => {
    expect(menuFor(['hotline', 'caseworker']).map((r) => en[r.title])).toEqual(['Contacts', 'Job check', 'Cases', 'Follow-ups', 'Partners']);
  });

  it('keeps a page away from a role that may not open it, even by its address', () => {
    const users = findRoute('/users')!;
    expect(mayOpen(users.route, ['hotline', 'caseworker', 'coordinator', 'campaign'])).toBe(false);
    expect(mayOpen(users.route, ['admin'])).toBe(true);
    expect(findRoute('/no-such-page')).toBeNull();
  });
});

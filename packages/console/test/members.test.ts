// The console's members section in Debian's Chromium against a real reference server (SQLite,
// the demo space): staff and admins find a member by name, email or company and by status, a page
// at a time; change a record (admins also the role; staff are refused an admin's record and told
// why); invite a member, who is mailed how to sign in; erase one after a confirmation that says
// what is kept; see what a member has coming (bookings, registrations); start, change, pause,
// resume and end their membership of a plan. The form keeps what was typed when the server refuses it and says why under each
// field; a record changed meanwhile is shown as it is now, not overwritten. Screenshots at 360
// and 1280 px, in French and English, under packages/console/screenshots/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createMember, createOrganisation, getOrganisation, getEvent, getMember, getMembership, listBookings, listMembers, listMemberships, listPlans, listRegistrations, updateMember, updateMembership, type ApiError } from '@coworking-commons/client';
import type { Page } from 'puppeteer-core';
import { topLevelFieldErrors } from '../src/forms/field-errors.ts';
import { click, clickButton, overflowsSideways, pierce, shoot, signIn, startConsoleServer, textOf, waitForText, type ConsoleServer } from './support/console-page.ts';

let app: ConsoleServer;
const spaceId = 'la-ruche';
const staffApi = () => app.server.client(app.demo.staffKey!);
const memberByEmail = async (email: string) => (await listMembers(staffApi(), { path: { spaceId }, query: { q: email } })).data.items.find((m) => m.email === email);

before(async () => {
  app = await startConsoleServer();
});
after(() => app?.close());

/** Types `text` into the field `selector` (in any shadow root) after emptying it. */
async function fill(page: Page, selector: string, text: string): Promise<void> {
  const input = await pierce(page, selector);
  await input.evaluate((el) => {
    (el as HTMLInputElement).value = '';
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  });
  await input.type(text);
}

const listed = (page: Page) =>
  page.evaluate(() => [...document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-members')!.shadowRoot!.querySelectorAll('.member-list .name')].map((n) => n.textContent));

/** Searches, and waits until the list is `names` (when given). */
async function search(page: Page, words: string, names?: string[]): Promise<void> {
  await fill(page, '#q', words);
  await page.keyboard.press('Enter');
  if (!names) return;
  const until = Date.now() + 10_000;
  while (JSON.stringify(await listed(page)) !== JSON.stringify(names)) {
    if (Date.now() > until) throw new Error(`The list is ${JSON.stringify(await listed(page))}, not ${JSON.stringify(names)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const editorText = (page: Page) =>
  page.evaluate(() => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-members')!.shadowRoot!.querySelector('cowork-console-member-editor')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');

describe('the members section', () => {
  test('an admin finds members page by page and by search, and changes a status and a role (French)', async () => {
    const opened = await app.open(['fr-FR', 'fr'], `/console/?space=${spaceId}#members`);
    const { page } = opened;
    try {
      await signIn(app, page, app.demo.adminEmail);
      await pierce(page, 'cowork-console-members');
      await waitForText(page, 'Camille Durand');
      const total = app.demo.counts!.members;
      if (total > 20) {
        await clickButton(page, 'Afficher plus de membres');
        await page.waitForFunction((count) => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-members')!.shadowRoot!.querySelectorAll('.member-list li').length > count, { timeout: 10_000 }, 20);
      }
      await shoot(page, 'members-list-fr');
      // By company, accent-insensitively.
      await search(page, 'velocargo', ['Hugo Lefebvre']);
      await search(page, 'Atelier Durand', ['Camille Durand']);
      await click(page, 'li[data-member] button');
      await pierce(page, '#edit-role');
      await (await pierce(page, '#edit-status')).select('inactive');
      await (await pierce(page, '#edit-role')).select('staff');
      await shoot(page, 'members-edit-fr');
      await page.setViewport({ width: 360, height: 900 });
      assert.equal(await overflowsSideways(page), false, 'no sideways overflow at 360 px');
      // Saved with the keyboard.
      await (await pierce(page, '#edit-phone')).focus();
      await page.keyboard.press('Enter');
      await waitForText(page, 'La fiche de Camille Durand est enregistrée.');
      const saved = await memberByEmail(app.demo.sampleMemberEmail);
      assert.equal(saved?.status, 'inactive');
      assert.equal(saved?.role, 'staff');
      // Back to the list (on a phone the record took its place), only the inactive ones.
      await clickButton(page, 'Retour à la liste');
      assert.equal(await page.evaluate(() => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-members')!.shadowRoot!.activeElement?.closest('li')?.dataset.member), saved!.id, 'the focus is back on the member');
      await (await pierce(page, '#status')).select('inactive');
      const inactive = (await listMembers(staffApi(), { path: { spaceId }, query: { status: 'inactive', limit: 100 } })).data.items.map((m) => m.displayName);
      assert.ok(inactive.includes('Camille Durand'));
      await search(page, '', inactive);
      await updateMember(staffApi(), { path: { spaceId, memberId: saved!.id }, body: { status: 'active', role: 'member' } });
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });

  test('staff invite a member: the form checks the fields, keeps them when the server refuses a taken email, and the member is mailed how to sign in (English)', async () => {
    const opened = await app.open(['en-GB', 'en'], `/console/?space=${spaceId}#members`);
    const { page } = opened;
    try {
      await signIn(app, page, app.demo.staffEmail);
      await waitForText(page, 'Camille Durand');
      await clickButton(page, 'Invite a member');
      await pierce(page, '#invite-displayName');
      assert.equal(await page.evaluate(() => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-members')!.shadowRoot!.querySelector('cowork-console-member-invite')!.shadowRoot!.activeElement?.id), 'invite-displayName', 'the form has the focus');
      assert.equal(await page.evaluate(() => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-members')!.shadowRoot!.querySelector('cowork-console-member-invite')!.shadowRoot!.querySelector('#invite-role')), null, 'staff grant no role');
      await fill(page, '#invite-email', 'not an address');
      await fill(page, '#invite-phone', 'call me');
      await page.keyboard.press('Enter');
      await pierce(page, '#invite-displayName-error');
      const text = await textOf(page);
      assert.match(text, /Fill this in\./);
      assert.match(text, /Give an email address/);
      assert.match(text, /Give a phone number/);
      await shoot(page, 'members-invite-errors-en');
      // A taken email: the server's 409, said under the email; nothing typed is lost.
      await fill(page, '#invite-displayName', 'Nora Petit');
      await fill(page, '#invite-email', app.demo.sampleMemberEmail.toUpperCase());
      await fill(page, '#invite-company', 'Petit Atelier');
      await fill(page, '#invite-phone', '+33 6 11 22 33 44');
      await page.keyboard.press('Enter');
      await waitForText(page, 'Another member of the space has this email.');
      const kept = await (await pierce(page, '#invite-company')).evaluate((el) => (el as HTMLInputElement).value);
      assert.equal(kept, 'Petit Atelier');
      assert.equal(await (await pierce(page, '#invite-email')).evaluate((el) => el.getAttribute('aria-describedby')), 'invite-email-error');
      await fill(page, '#invite-email', 'nora.petit@example.org');
      await page.keyboard.press('Enter');
      await waitForText(page, 'Nora Petit is a member');
      const created = await memberByEmail('nora.petit@example.org');
      assert.equal(created?.displayName, 'Nora Petit');
      assert.equal(created?.company, 'Petit Atelier');
      assert.equal(created?.phone, '+33 6 11 22 33 44');
      const mail = app.server.mails.findLast((m) => m.to === 'nora.petit@example.org');
      assert.ok(mail, 'the new member is mailed');
      assert.match(mail.text, /code/);
      await shoot(page, 'members-invited-en');
      assert.deepEqual(opened.problems.filter((p) => !/\b409\b/.test(p)), []);
    } finally {
      await opened.close();
    }
  });

  test('a member’s record shows their upcoming bookings and the events to come they registered to (French)', async () => {
    let chosen: { id: string; name: string; bookings: number; registrations: number } | undefined;
    for (const member of (await listMembers(staffApi(), { path: { spaceId }, query: { limit: 100 } })).data.items) {
      const bookings = (await listBookings(staffApi(), { path: { spaceId }, query: { memberId: member.id, from: new Date().toISOString(), limit: 20 } })).data.items.filter((b) => b.status !== 'cancelled');
      const registrations: unknown[] = [];
      for (const registration of (await listRegistrations(staffApi(), { path: { spaceId }, query: { memberId: member.id, limit: 20 } })).data.items) {
        const event = (await getEvent(staffApi(), { path: { spaceId, eventId: registration.eventId } })).data;
        if (Date.parse(event.end) > Date.now()) registrations.push(registration);
      }
      if (bookings.length > 0 && registrations.length > 0) {
        chosen = { id: member.id, name: member.displayName, bookings: bookings.length, registrations: registrations.length };
        break;
      }
    }
    assert.ok(chosen, 'a demo member has bookings to come and registrations');
    const opened = await app.open(['fr-FR', 'fr'], `/console/?space=${spaceId}#members`);
    const { page } = opened;
    try {
      await signIn(app, page, app.demo.staffEmail);
      await pierce(page, 'cowork-console-members');
      await search(page, chosen.name, [chosen.name]);
      await click(page, 'li[data-member] button');
      await waitForText(page, 'Réservations à venir');
      const counted = await page.waitForFunction(
        (expected: [number, number]) => {
          const activity = document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-members')!.shadowRoot!.querySelector('cowork-console-member-editor')!.shadowRoot!.querySelector('cowork-console-member-activity')?.shadowRoot;
          const got = [activity?.querySelectorAll('[data-booking]').length ?? 0, activity?.querySelectorAll('[data-registration]').length ?? 0];
          return got[0] === expected[0] && got[1] === expected[1] ? got : false;
        },
        { timeout: 10_000 },
        [chosen.bookings, chosen.registrations] as [number, number],
      );
      assert.deepEqual(await counted.jsonValue(), [chosen.bookings, chosen.registrations]);
      assert.match(await textOf(page), /Événements à venir/);
      await shoot(page, 'member-activity-fr');
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });

  test('staff start a member’s membership of a plan, change its plan at the next period, pause, resume and end it; a change made meanwhile is shown (English)', async () => {
    const { data: member } = await createMember(staffApi(), { path: { spaceId }, body: { email: 'ines.caron@example.org', displayName: 'Inès Caron' } });
    const plans = (await listPlans(staffApi(), { path: { spaceId }, query: { limit: 100 } })).data.items;
    assert.ok(plans.length >= 2, 'the demo space has two plans or more');
    const [first, second] = plans as [(typeof plans)[0], (typeof plans)[0]];
    const memberships = async () => (await listMemberships(staffApi(), { path: { spaceId }, query: { memberId: member.id } })).data.items;
    const opened = await app.open(['en-GB', 'en'], `/console/?space=${spaceId}#members`);
    const { page } = opened;
    const move = async (status: string) => {
      const id = (await memberships())[0]!.id;
      await click(page, `[data-membership="${id}"] [data-move="${status}"]`);
    };
    const statusIs = async (status: string) => {
      const until = Date.now() + 10_000;
      while ((await memberships())[0]?.status !== status) {
        if (Date.now() > until) throw new Error(`the membership is ${(await memberships())[0]?.status}, not ${status}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    try {
      await signIn(app, page, app.demo.staffEmail);
      await pierce(page, 'cowork-console-members');
      await search(page, 'Inès Caron', ['Inès Caron']);
      await click(page, 'li[data-member] button');
      await waitForText(page, 'No membership of a plan.');
      await clickButton(page, 'Start a membership');
      const plan = await pierce(page, '#membership-plan');
      await plan.evaluate((el, id) => ((el as HTMLSelectElement).value = id), first.id);
      await clickButton(page, 'Start it');
      await waitForText(page, `Membership started: ${first.translations?.en?.name ?? first.name}.`);
      const [started] = await memberships();
      assert.equal(started?.planId, first.id);
      assert.equal(started?.status, 'active');
      assert.deepEqual(started?.price, first.price, 'the plan’s price, frozen');

      // A change of plan at the next period: shown as waiting for its date.
      await click(page, `[data-membership="${started.id}"] .change`);
      const choice = await pierce(page, `#change-${started.id}`);
      await choice.evaluate((el, id) => ((el as HTMLSelectElement).value = id), second.id);
      await clickButton(page, 'Change the plan');
      await waitForText(page, `Changes to ${second.translations?.en?.name ?? second.name} on`);
      const changed = (await getMembership(staffApi(), { path: { spaceId, membershipId: started.id } })).data;
      assert.equal(changed.planId, first.id, 'the plan applies from the next period');
      assert.equal(changed.pendingChange?.planId, second.id);

      await move('paused');
      await statusIs('paused');
      await move('active');
      await statusIs('active');

      // Someone pauses it meanwhile: ending it is refused by the server, and it is shown as it is.
      const now = (await getMembership(staffApi(), { path: { spaceId, membershipId: started.id } }));
      await updateMembership(staffApi(), { path: { spaceId, membershipId: started.id }, header: { 'If-Match': now.etag! }, body: { status: 'paused' } });
      await click(page, `[data-membership="${started.id}"] [data-move="ended"]`);
      await waitForText(page, 'Someone changed this membership meanwhile');
      await waitForText(page, 'Paused');
      assert.equal((await memberships())[0]?.status, 'paused', 'not ended');
      await shoot(page, 'member-memberships-en');
      await move('ended');
      await statusIs('ended');
      assert.deepEqual(
        opened.problems.filter((problem) => !/status of 412|^HTTP 412: PATCH/.test(problem)),
        [],
      );
    } finally {
      await opened.close();
    }
  });

  test('staff put a member in an organisation, and take them out of it (English)', async () => {
    const { data: organisation } = await createOrganisation(staffApi(), { path: { spaceId }, body: { name: 'Studio Lumen' } });
    const { data: member } = await createMember(staffApi(), { path: { spaceId }, body: { email: 'paul.roche@example.org', displayName: 'Paul Roche' } });
    const opened = await app.open(['en-GB', 'en'], `/console/?space=${spaceId}#members`);
    const { page } = opened;
    try {
      await signIn(app, page, app.demo.staffEmail);
      await pierce(page, 'cowork-console-members');
      await search(page, 'Paul Roche', ['Paul Roche']);
      await click(page, 'li[data-member] button');
      await (await pierce(page, '#edit-organisationId')).select(organisation.id);
      await (await pierce(page, '#edit-displayName')).focus();
      await page.keyboard.press('Enter');
      await waitForText(page, 'Paul Roche’s record is saved.');
      assert.equal((await getMember(staffApi(), { path: { spaceId, memberId: member.id } })).data.organisationId, organisation.id);
      assert.equal((await getOrganisation(staffApi(), { path: { spaceId, organisationId: organisation.id } })).data.memberCount, 1);
      await (await pierce(page, '#edit-organisationId')).select('');
      await (await pierce(page, '#edit-displayName')).focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (id: string) => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-members')!.shadowRoot!.querySelector('cowork-console-member-editor')!.shadowRoot!.querySelector<HTMLSelectElement>('#edit-organisationId')?.value === '' && id,
        { timeout: 10_000 },
        member.id,
      );
      const until = Date.now() + 10_000;
      while ((await getMember(staffApi(), { path: { spaceId, memberId: member.id } })).data.organisationId !== undefined) {
        if (Date.now() > until) throw new Error('the member is still in the organisation');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });

  test('the requests to join a plan wait at the top of the list; staff open the member’s record and accept one (French)', async () => {
    const requests = (await listMemberships(staffApi(), { path: { spaceId }, query: { status: 'requested' } })).data.items;
    assert.ok(requests.length >= 1, 'the demo space has a request waiting');
    const request = requests[0]!;
    const asker = (await getMember(staffApi(), { path: { spaceId, memberId: request.holder.id } })).data;
    const opened = await app.open(['fr-FR', 'fr'], `/console/?space=${spaceId}#members`);
    const { page } = opened;
    try {
      await signIn(app, page, app.demo.staffEmail);
      await waitForText(page, requests.length === 1 ? '1 demande d’adhésion à une formule' : `${requests.length} demandes d’adhésion à une formule`);
      await shoot(page, 'membership-requests-fr');
      await click(page, `[data-request="${request.id}"] .link`);
      await page.waitForFunction(
        (name: string) => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-members')!.shadowRoot!.querySelector('cowork-console-member-editor')?.shadowRoot?.querySelector('#member-heading')?.textContent === name,
        { timeout: 10_000 },
        asker.displayName,
      );
      await click(page, `[data-request="${request.id}"] .button.primary`);
      await waitForText(page, `L’abonnement de ${asker.displayName} est accepté.`);
      assert.equal((await getMembership(staffApi(), { path: { spaceId, membershipId: request.id } })).data.status, 'active');
      assert.equal(await page.evaluate((id: string) => Boolean(document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-members')!.shadowRoot!.querySelector('cowork-console-membership-requests')!.shadowRoot!.querySelector(`[data-request="${id}"]`)), request.id), false, 'no longer waiting');
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });

  test("staff are told they may not change an admin's record, and grant no role", async () => {
    const opened = await app.open(['en-GB', 'en'], `/console/?space=${spaceId}#members`);
    const { page } = opened;
    try {
      await signIn(app, page, app.demo.staffEmail);
      await pierce(page, 'cowork-console-members');
      await search(page, app.demo.adminEmail, ['Hélène Marchand']);
      await click(page, 'li[data-member] button');
      await pierce(page, '#edit-company');
      assert.equal(await page.evaluate(() => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-members')!.shadowRoot!.querySelector('cowork-console-member-editor')!.shadowRoot!.querySelector('#edit-role')), null);
      await fill(page, '#edit-company', 'Ailleurs');
      await page.keyboard.press('Enter');
      await waitForText(page, 'Only an admin can change a role, or the record of a staff person or an admin.');
      assert.equal(await (await pierce(page, '#edit-company')).evaluate((el) => (el as HTMLInputElement).value), 'Ailleurs', 'what was typed is kept');
      assert.equal((await memberByEmail(app.demo.adminEmail))?.company, 'La Ruche');
      const nav = await page.evaluate(() => [...document.querySelector('cowork-console')!.shadowRoot!.querySelectorAll('nav a')].map((a) => a.getAttribute('href')));
      assert.ok(nav.includes('#members'));
      assert.ok(!nav.includes('#keys') && !nav.includes('#audit'), 'staff see no admin-only section');
      await shoot(page, 'members-forbidden-en');
      assert.deepEqual(opened.problems.filter((p) => !/\b403\b/.test(p)), []);
    } finally {
      await opened.close();
    }
  });

  test('a record changed by someone else meanwhile is shown as it is now, and not overwritten (English)', async () => {
    const { data: member } = await createMember(staffApi(), { path: { spaceId }, body: { email: 'lucas.meyer@example.org', displayName: 'Lucas Meyer', company: 'Meyer & fils' } });
    const opened = await app.open(['en-GB', 'en'], `/console/?space=${spaceId}#members`);
    const { page } = opened;
    try {
      await signIn(app, page, app.demo.adminEmail);
      await pierce(page, 'cowork-console-members');
      await search(page, 'Lucas Meyer', ['Lucas Meyer']);
      await click(page, 'li[data-member] button');
      await pierce(page, '#edit-company');
      // Meanwhile, another staff person changes the company through the API.
      await updateMember(staffApi(), { path: { spaceId, memberId: member.id }, body: { company: 'Meyer Frères' } });
      await (await pierce(page, '#edit-status')).select('inactive');
      await fill(page, '#edit-phone', '+33 6 99 88 77 66');
      await page.keyboard.press('Enter');
      await waitForText(page, 'Someone changed this record meanwhile');
      assert.match(await editorText(page), /Not saved: phone, status\./);
      assert.equal(await (await pierce(page, '#edit-company')).evaluate((el) => (el as HTMLInputElement).value), 'Meyer Frères', 'shown as it is now');
      const now = (await getMember(staffApi(), { path: { spaceId, memberId: member.id } })).data;
      assert.equal(now.company, 'Meyer Frères');
      assert.equal(now.status, 'active', 'not overwritten');
      assert.equal(now.phone, undefined);
      await shoot(page, 'members-changed-meanwhile-en');
      assert.ok(opened.problems.some((problem) => problem.includes('412')), `the server refused the stale change itself (412): ${opened.problems.join(' | ')}`);
      assert.deepEqual(
        opened.problems.filter((problem) => !/status of 412|^HTTP 412: PATCH/.test(problem)),
        [],
      );
      // Made again on the record as it is now, the change is saved.
      await (await pierce(page, '#edit-status')).select('inactive');
      await page.keyboard.press('Enter');
      await waitForText(page, 'Lucas Meyer’s record is saved.');
      const saved = (await getMember(staffApi(), { path: { spaceId, memberId: member.id } })).data;
      assert.equal(saved.status, 'inactive');
      assert.equal(saved.company, 'Meyer Frères', 'their change is kept');
    } finally {
      await opened.close();
    }
  });

  test('an admin erases a member after a confirmation that says what is erased and what is kept (French)', async () => {
    const { data: member } = await createMember(staffApi(), { path: { spaceId }, body: { email: 'zoe.garnier@example.org', displayName: 'Zoé Garnier' } });
    const opened = await app.open(['fr-FR', 'fr'], `/console/?space=${spaceId}#members`);
    const { page } = opened;
    try {
      await signIn(app, page, app.demo.adminEmail);
      await pierce(page, 'cowork-console-members');
      await search(page, 'zoe garnier', ['Zoé Garnier']);
      await click(page, 'li[data-member] button');
      await clickButton(page, 'Effacer les données de cette personne');
      await waitForText(page, 'Effacer les données de Zoé Garnier ?');
      const text = await textOf(page);
      assert.match(text, /Effacés : son profil, son e-mail et son téléphone/);
      assert.match(text, /Gardées, sans son nom, pour les comptes de l’espace et ses obligations légales/);
      await shoot(page, 'members-erase-fr');
      // "Keep the data" closes it and gives the focus back.
      await clickButton(page, 'Garder les données');
      await clickButton(page, 'Effacer les données de cette personne');
      await clickButton(page, 'Effacer définitivement');
      await waitForText(page, 'Les données de Zoé Garnier sont effacées.');
      await getMember(staffApi(), { path: { spaceId, memberId: member.id } }).then(
        () => assert.fail('the member should be gone'),
        (error: ApiError) => assert.equal(error.status, 404),
      );
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });

  test("the server's validation problem names the fields the form shows it under", async () => {
    const error = await createMember(staffApi(), { path: { spaceId }, body: { email: 'x@example.org', displayName: 'X', phone: 'call me' } }).then(
      () => assert.fail('expected a validation problem'),
      (e: unknown) => e,
    );
    assert.deepEqual(Object.keys(topLevelFieldErrors(error)), ['phone']);
  });
});

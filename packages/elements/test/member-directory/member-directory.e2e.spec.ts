// End to end, against a real reference server (SQLite, demo space "La Ruche") started by the test
// runner: a member signs in, edits their card from the card itself, and the directory shows the
// change. Uses the demo member Julien Roux (one member per test file: one sign-in code at a time).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createClient, listMemberCards, updateMe } from '@coworking-commons/client';
import '../../src/space/define.ts';
import '../../src/sign-in/define.ts';
import '../../src/member-card/define.ts';
import '../../src/member-directory/define.ts';
import type { CoworkMemberCard } from '../../src/member-card/member-card.ts';
import type { CoworkSignIn } from '../../src/sign-in/sign-in.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { demoMembers, e2eServer, signInCode, specViolations, type E2eServer } from '../support/e2e.ts';
import { press, type } from '../support/keyboard.ts';
import { $, $$, settle, text } from '../member-card/support.ts';

const email = demoMembers.julien;

async function signInThroughTheForm(element: CoworkSignIn): Promise<void> {
  await waitUntil(() => $(element, '#email'), 'the form shows', { timeout: 5000 });
  $<HTMLInputElement>(element, '#email')!.focus();
  const after = Date.now() - 1000;
  await type(email);
  await press('Enter');
  await waitUntil(() => $(element, '#code'), 'the code step shows', { timeout: 5000 });
  const code = await signInCode(email, after);
  await element.updateComplete;
  await type(code);
  await press('Enter');
}

describe('member card and directory, end to end', function () {
  let server: E2eServer;
  before(async function () {
    this.timeout(60_000);
    server = await e2eServer();
  });
  afterEach(() => sessionStorage.clear());
  after(async () => {
    expect(await specViolations(), 'responses of the server that break the spec').to.deep.equal([]);
  });

  it('a member edits their card from the card, and the directory shows the change', async function () {
    this.timeout(60_000);
    const client = createClient({ baseUrl: server.url });
    const found = await listMemberCards(client, { path: { spaceId: server.spaceId }, query: { q: 'Julien Roux' } });
    const julien = found.data.items[0]!;
    expect(julien.displayName).to.equal('Julien Roux');
    const stamp = Date.now().toString(36);
    const headline = `Avocat du numérique, édition ${stamp}`;

    const root = await fixture<HTMLElement>(html`<div lang="fr">
      <cowork-space api=${server.url} space=${server.spaceId} storage="memory">
        <cowork-sign-in></cowork-sign-in>
        <cowork-member-card member=${julien.id}></cowork-member-card>
        <cowork-member-directory page-size="12"></cowork-member-directory>
      </cowork-space>
    </div>`);
    const card = root.querySelector('cowork-member-card') as CoworkMemberCard;
    const directory = root.querySelector('cowork-member-directory')!;
    await waitUntil(() => $(card, '[part="name"]'), 'the card is fetched by id', { timeout: 10_000 });
    expect($(card, '[part="headline"]')!.textContent).to.equal(julien.headline);
    await waitUntil(() => $$(directory, 'cowork-member-card').length > 0, 'the directory lists the demo members', { timeout: 10_000 });
    await expectNoAxeViolations(directory);

    // Not signed in: no editing. Signed in as Julien: his own card offers it.
    expect($(card, '[part="edit-button"]')).to.equal(null);
    await signInThroughTheForm(root.querySelector('cowork-sign-in')!);
    await waitUntil(() => $(card, '[part="edit-button"]'), 'the member’s own card is editable', { timeout: 10_000 });
    expect($(card, '[part="edit-button"]')!.textContent!.trim()).to.equal('Modifier ma fiche');
    $(card, '[part="edit-button"]')!.click();
    await waitUntil(() => $(card, 'form'), 'the editor opens with the member’s record', { timeout: 10_000 });
    await card.updateComplete;
    expect($<HTMLInputElement>(card, '#consent')!.checked).to.equal(true);
    const input = $<HTMLInputElement>(card, '#headline')!;
    input.select();
    await type(headline);
    const skills = $<HTMLInputElement>(card, '#skills')!;
    skills.focus();
    await press('End');
    await type(`, Médiation ${stamp}`);
    await expectNoAxeViolations(card);
    const saved = oneEvent(card, 'cowork-member-updated');
    await press('Enter');
    await card.updateComplete;
    // At once, before the server answered.
    expect($(card, '[part="headline"]')!.textContent).to.equal(headline);
    const event = await saved;
    expect(event.detail.member.headline).to.equal(headline);
    expect(event.detail.member.skills).to.include(`mediation-${stamp}`);
    expect(event.detail.listed).to.equal(true);

    // The directory finds the member by the new words and by the new skill.
    const search = $<HTMLInputElement>(directory, '#q')!;
    search.focus();
    await type(stamp);
    await press('Enter');
    await waitUntil(() => $$(directory, 'cowork-member-card').length === 1, 'the directory finds the new headline', { timeout: 10_000 });
    const listed = $$(directory, 'cowork-member-card')[0]!;
    await settle();
    expect($(listed, '[part="name"]')!.textContent).to.equal('Julien Roux');
    expect($(listed, '[part="headline"]')!.textContent).to.equal(headline);
    expect(text(directory)).to.contain('1 membre trouvé.');
    search.select();
    await press('Backspace');
    await press('Enter');
    const skill = $<HTMLSelectElement>(directory, '#skill')!;
    await waitUntil(() => [...skill.options].some((o) => o.value === `mediation-${stamp}`), 'the new skill is offered', { timeout: 10_000 });
    skill.value = `mediation-${stamp}`;
    skill.dispatchEvent(new Event('change'));
    await waitUntil(() => $$(directory, 'cowork-member-card').length === 1 && text(directory).includes('1 membre trouvé.') && !$(directory, '[aria-busy="true"]'), 'filtered by the new skill', { timeout: 10_000 });
    await expectNoAxeViolations(directory);

    // Put the demo card back as it was, for the other tests of the run.
    const token = (root.querySelector('cowork-space') as HTMLElement & { session: { token: string } }).session.token;
    await updateMe(createClient({ baseUrl: server.url, token }), { path: { spaceId: server.spaceId }, body: { headline: julien.headline ?? null, skills: julien.skills } });
  });
});

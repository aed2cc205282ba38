import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/space/define.ts';
import '../../src/member-card/define.ts';
import '../../src/member-directory/define.ts';
import { screenshots } from '../support/screenshot.ts';
import { api, spaceId } from '../support/fixtures.ts';
import { $, memberServer, members, cardOf, text } from './support.ts';

describe('smoke', () => {
  it('card', async () => {
    const server = memberServer();
    const m = members();
    const root = await fixture<HTMLElement>(html`<div style="max-width: 40em"><cowork-space api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch}>
      <cowork-member-card .member=${cardOf(m[0]!)}></cowork-member-card>
      <cowork-member-card .member=${cardOf(m[1]!)}></cowork-member-card>
      <cowork-member-card variant="compact" .member=${cardOf(m[3]!)}></cowork-member-card>
      <cowork-member-card member="mb_aminata"></cowork-member-card>
    </cowork-space></div>`);
    const cards = root.querySelectorAll('cowork-member-card');
    await waitUntil(() => text(cards[3]!).includes('Aminata'));
    await screenshots('member-smoke-cards', root as HTMLElement);
  });
  it('directory', async () => {
    const server = memberServer();
    const root = await fixture<HTMLElement>(html`<cowork-space api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch}><cowork-member-directory page-size="6" no-infinite-scroll></cowork-member-directory></cowork-space>`);
    const dir = root.querySelector('cowork-member-directory')!;
    await waitUntil(() => $(dir, 'cowork-member-card'));
    await screenshots('member-smoke-directory', dir as HTMLElement);
  });
});

// The console's webhooks section in Debian's Chromium against a real reference server (SQLite,
// the demo space): an admin subscribes a real receiver on loopback (the form first says what is
// wrong), copies the secret shown once, sees a delivery the receiver verified with it, sends it
// again, disables and deletes the subscription. Screenshots at 360 and 1280 px, English and French.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listBookings, listWebhookSubscriptions } from '@coworking-commons/client';
import { enqueueEvent } from '../../server/src/webhooks/outbox.ts';
import { startReceiver } from '../../server/test/support/webhook-receiver.ts';
import { click, clickButton, overflowsSideways, pierce, shoot, signIn, startConsoleServer, textOf, waitForText, type ConsoleServer } from './support/console-page.ts';

let app: ConsoleServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let secret = '';
const spaceId = 'la-ruche';

before(async () => {
  app = await startConsoleServer();
  receiver = await startReceiver(() => secret);
});
after(async () => {
  await receiver?.close();
  await app?.close();
});

const typeInto = async (page: Parameters<typeof pierce>[0], selector: string, text: string) => {
  const input = await pierce(page, selector);
  await input.evaluate((el) => ((el as HTMLInputElement).value = ''));
  await input.type(text);
};

describe('the webhooks section', () => {
  test('an admin subscribes a receiver, reads its delivery log, sends one again, disables and deletes it (English)', async () => {
    const { page } = await app.open(['en-GB', 'en'], `/console/?space=${spaceId}#webhooks`);
    try {
      await signIn(app, page, app.demo.adminEmail);
      await pierce(page, 'cowork-console-webhooks');
      await waitForText(page, 'No tool is subscribed yet.');
      await clickButton(page, 'New subscription');
      await pierce(page, '#webhook-url');
      await clickButton(page, 'Subscribe');
      await pierce(page, '#webhook-url-error');
      assert.match(await textOf(page), /Give the address that receives the events\./);
      await typeInto(page, '#webhook-url', 'http://hooks.example.org/bookings');
      await click(page, '#webhook-event-all');
      await clickButton(page, 'Subscribe');
      await waitForText(page, 'Choose at least one event.');
      assert.match(await textOf(page), /Give an address starting with https:\/\//);
      await shoot(page, 'webhooks-form-errors-en');
      assert.equal((await listWebhookSubscriptions(app.server.client(app.demo.staffKey!), { path: { spaceId } })).data.items.length, 0, 'nothing was sent');

      await typeInto(page, '#webhook-url', receiver.url);
      await typeInto(page, '#webhook-description', 'Door access');
      await click(page, '[data-event="booking.created"]');
      await click(page, '[data-event="booking.cancelled"]');
      await clickButton(page, 'Subscribe');
      await waitForText(page, 'The subscription’s secret');
      secret = await (await pierce(page, '#webhook-secret')).evaluate((el) => (el as HTMLInputElement).value);
      assert.match(secret, /^whsec_/);
      await shoot(page, 'webhooks-secret-en');
      await clickButton(page, 'Close');
      assert.match(await textOf(page), /A booking is made, A booking is cancelled/);

      // One of the demo's bookings, told as it would be when made (the server sends the booking as staff read it).
      const [booking] = (await listBookings(app.server.client(app.demo.staffKey!), { path: { spaceId }, query: { limit: 1 } })).data.items;
      await enqueueEvent(app.server.store.db, { spaceId, type: 'booking.created', data: booking, at: app.server.clock.now });
      await app.server.app.webhooks.runOnce();
      assert.equal((await receiver.until(1)).length, 1);
      assert.deepEqual(receiver.refused, [], 'the secret the console showed verifies the delivery');
      await clickButton(page, 'Deliveries');
      await waitForText(page, 'Delivered');
      assert.match(await textOf(page), /1 attempt · last answer 200/);
      await shoot(page, 'webhooks-deliveries-en');
      await page.setViewport({ width: 360, height: 900 });
      assert.equal(await overflowsSideways(page), false);
      await page.setViewport({ width: 1280, height: 900 });
      await clickButton(page, 'Send again');
      assert.equal((await receiver.until(2)).length, 2, 'sent again');
      assert.equal(receiver.received[1]!.id, receiver.received[0]!.id, 'with the same webhook-id');
      await waitForText(page, 'Sent again.');

      await clickButton(page, 'Disable');
      await waitForText(page, 'Enable');
      assert.match(await textOf(page), /Disabled/);
      await clickButton(page, 'Delete');
      await clickButton(page, 'Delete the subscription');
      await waitForText(page, 'No tool is subscribed yet.');
      assert.equal((await listWebhookSubscriptions(app.server.client(app.demo.staffKey!), { path: { spaceId } })).data.items.length, 0);
    } finally {
      await page.close();
    }
  });

  test('in French, with a subscription and its deliveries', async () => {
    const { page } = await app.open(['fr-FR', 'fr'], `/console/?space=${spaceId}#webhooks`);
    try {
      await signIn(app, page, app.demo.adminEmail);
      await pierce(page, 'cowork-console-webhooks');
      await clickButton(page, 'Nouvel abonnement');
      await typeInto(page, '#webhook-url', receiver.url);
      await clickButton(page, 'S’abonner');
      await waitForText(page, 'Le secret de l’abonnement');
      await clickButton(page, 'Fermer');
      await click(page, '.cards > li:last-child .deliveries-toggle');
      await waitForText(page, 'Rien n’a encore été envoyé.');
      const text = await textOf(page);
      assert.match(text, /Tous les événements, y compris ceux ajoutés plus tard/);
      assert.match(text, /Actif/);
      await shoot(page, 'webhooks-fr');
      await page.setViewport({ width: 360, height: 900 });
      assert.equal(await overflowsSideways(page), false);
    } finally {
      await page.close();
    }
  });
});

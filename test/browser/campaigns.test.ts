import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser, PASSWORD, signIn as signInApi } from '../support.js';
import { accessibilityProblems, describeInBrowser, launchBrowser, openPage, startServer, type LiveServer, type WatchedPage } from './browser.js';

const DESKTOP = { width: 1280, height: 900 };

async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const heading = (page: Page, text: string | RegExp) => page.getByRole('heading', { level: 1, name: text }).waitFor();
const menuOf = (page: Page) => page.getByRole('navigation', { name: 'Main menu' }).getByRole('link').allTextContents();

// A page's export as Meta Business Suite writes it, cut to three posts; the second has a reach no network reports.
const META_CSV = [
  '"Post ID","Page ID","Page name","Description","Publish time","Permalink","Post type","Date","Impressions","Reach","Reactions, Comments and Shares","Total clicks","3-second video views"',
  '"114905131880581_3401234567890123","114905131880581","Radna pravda","Kampanja počinje danas.","09/14/2020 10:00","https://www.facebook.com/114905131880581/posts/3401234567890123","Photos","Lifetime","15210","12480","412","196",""',
  '"114905131880581_3401234567890456","114905131880581","Radna pravda","Šta je prinudni rad?","09/20/2020 12:00","https://www.facebook.com/114905131880581/videos/3401234567890456","Videos","Lifetime","41800","-30250","980","1420","9870"',
  '"114905131880581_3401234567891012","114905131880581","Radna pravda","Pasoš je vaš.","10/16/2020 18:00","https://www.facebook.com/114905131880581/posts/3401234567891012","Photos","Lifetime","9904","8120","143","260",""',
].join('\r\n');

describeInBrowser('the campaign pages in a browser', () => {
  let server: LiveServer;
  let browser: Browser;
  let coordinator: WatchedPage;

  beforeAll(async () => {
    server = await startServer();
    await addUser(server.h.ctx, 'campaign@example.test', ['campaign']);
    await addUser(server.h.ctx, 'hotline@example.test', ['hotline']);
    // Two callers during the campaign said they heard of the helpline through it, one through the radio.
    const hotline = await signInApi(server.h.app, 'hotline@example.test');
    for (const [receivedAt, heardAbout] of [['2020-09-15T10:00:00+02:00', 'labour-rights-now'], ['2020-10-02T16:30:00+02:00', 'labour-rights-now'], ['2020-10-03T09:00:00+02:00', 'radio']]) {
      expect((await hotline('POST', '/api/v1/contacts', { receivedAt, channel: 'phone', topics: ['labour_rights'], heardAbout })).statusCode).toBe(201);
    }
    browser = await launchBrowser();
    coordinator = await openPage(browser, DESKTOP);
  });

  afterAll(async () => {
    expect(coordinator?.cspViolations ?? []).toEqual([]);
    expect(coordinator?.pageErrors ?? []).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  it('lets the campaign coordinator create a campaign, import a Meta export skipping its bad row, read the report, write a page and hand out leaflets', async () => {
    const { page } = coordinator;
    await page.goto(`${server.url}/app/campaigns`);
    await signIn(page, 'campaign@example.test');
    await heading(page, 'Campaigns');
    expect(await menuOf(page)).toContain('Campaigns');
    await page.getByRole('link', { name: 'New campaign' }).click();
    await heading(page, 'New campaign');

    // An end before the start is refused beside the end date, and nothing is created.
    await page.getByLabel('Name', { exact: true }).fill('Labour Rights – Now!');
    await page.getByLabel(/^Address/).fill('labour-rights-now');
    await page.getByLabel('Starts on').fill('2020-09-14');
    await page.getByLabel('Ends on').fill('2020-09-01');
    await page.getByLabel('English', { exact: true }).check();
    await page.getByLabel('Goals').fill('Workers know their rights before they travel\nThe helpline number is known');
    await page.getByRole('button', { name: 'Create the campaign' }).click();
    await page.getByText('The campaign cannot end before it starts.').waitFor();
    expect(await page.getByLabel('Ends on').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByLabel('Ends on').fill('2020-10-31');
    await page.getByRole('button', { name: 'Create the campaign' }).click();
    await heading(page, 'Labour Rights – Now!');
    await page.getByRole('status').filter({ hasText: 'No posts yet.' }).waitFor();

    // The check is slow enough here for its progress to show.
    const imports = (url: URL) => url.pathname.endsWith('/posts/imports');
    await page.route(imports, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.getByRole('navigation', { name: /Pages of the campaign/ }).getByRole('link', { name: 'Import from Meta or X' }).click();
    await page.getByLabel('Export file (CSV or Excel .xlsx)').setInputFiles({ name: 'facebook-posts.csv', mimeType: 'text/csv', buffer: Buffer.from(META_CSV) });
    await page.getByRole('progressbar', { name: /^Checking .*facebook-posts\.csv/ }).waitFor();
    await page.getByText('1 row has problems. Nothing has been imported.').waitFor();
    const rejected = page.getByRole('table', { name: 'Rows with problems' }).getByRole('row');
    expect(await rejected.count()).toBe(2);
    expect(await rejected.nth(1).getByRole('cell').allTextContents()).toEqual(['Reach', expect.stringContaining('')]);
    expect(await rejected.nth(1).getByRole('rowheader').textContent()).toBe('3');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/campaign-import-1280.png', fullPage: true });

    await page.getByRole('button', { name: 'Skip the 1 row with problems' }).click();
    await page.getByText(/Ready: 2 new posts, 0 posts updated, 0 unchanged; 1 row with problems is skipped/).waitFor();
    await page.getByRole('button', { name: 'Import (2 new, 0 updated)' }).click();
    await page.getByRole('progressbar', { name: /^Importing .*facebook-posts\.csv/ }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Imported: 2 new, 0 updated, 0 unchanged, 1 row skipped.' }).waitFor();
    await page.unroute(imports);

    await page.getByRole('link', { name: 'See the posts' }).click();
    await page.getByRole('status').filter({ hasText: '2 posts' }).waitFor();
    const posts = page.getByRole('table', { name: 'Posts', exact: true }).getByRole('row');
    expect(await posts.count()).toBe(3);
    // The newest first: 16 October with a reach of 8,120, then 14 September with 12,480.
    expect(await posts.nth(1).getByRole('cell').allTextContents()).toEqual(['Facebook', 'Pasoš je vaš.', '8,120', '9,904', '403', '260', '–']);
    expect(await posts.nth(2).getByRole('cell').allTextContents()).toEqual(['Facebook', 'Kampanja počinje danas.', '12,480', '15,210', '608', '196', '–']);

    await page.getByRole('navigation', { name: /Pages of the campaign/ }).getByRole('link', { name: 'Report' }).click();
    const byChannel = page.getByRole('table', { name: 'Per channel', exact: true });
    await byChannel.waitFor();
    // Facebook: 2 posts, reach 20,600, 25,114 impressions, 608 + 403 engagements (reactions and clicks), 1,011 / 20,600 = 4.91%.
    expect(await byChannel.getByRole('row', { name: /Facebook/ }).getByRole('cell').allTextContents()).toEqual(['2', '20,600', '25,114', '1,011', '456', '4.91%']);
    const impact = page.getByRole('table', { name: 'Contacts per period', exact: true });
    expect(await impact.getByRole('row', { name: /During/ }).getByRole('cell').last().textContent()).toBe('2');
    expect(await impact.getByRole('row', { name: /Before/ }).getByRole('cell').last().textContent()).toBe('0');
    await page.getByText('We had 2 posts in total. Facebook posts had a total reach of 20,600, with 1,011 engagements.').waitFor();
    await page.getByText('Ukupno smo imali 2 objave.', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: 'Copy the English text' }).waitFor();
    expect(await page.getByRole('link', { name: 'Download the figures (CSV)' }).getAttribute('href')).toMatch(/\/report\/export\?format=csv&lang=en$/);
    expect(await accessibilityProblems(page)).toEqual([]);
    // A tweet typed in by hand: X reports impressions, not reach.
    const api = await signInApi(server.h.app, 'campaign@example.test');
    const campaignId = (await api('GET', '/api/v1/campaigns')).json().items.find((c: { slug: string }) => c.slug === 'labour-rights-now').id as string;
    expect((await api('POST', `/api/v1/campaigns/${campaignId}/posts`, { channel: 'twitter', publishedAt: '2020-10-01T10:00:00+02:00', impressions: 5000, engagements: 50 })).statusCode).toBe(201);

    await page.reload();
    await byChannel.getByRole('row', { name: /Twitter/ }).waitFor();
    // What X does not report reads as a dash, not as a 0.
    expect(await byChannel.getByRole('row', { name: /Twitter/ }).getByRole('cell').allTextContents()).toEqual(['1', '–', '5,000', '50', '–', '1%']);
    await page.screenshot({ path: '/tmp/campaign-report-1280.png', fullPage: true });

    // The English page, written in Markdown with the server's preview beside it; raw HTML stays text.
    await page.getByRole('navigation', { name: /Pages of the campaign/ }).getByRole('link', { name: 'Public pages' }).click();
    await page.getByLabel('Write or change the page in').selectOption('en');
    await page.getByLabel('Title', { exact: true }).fill('Know your rights');
    await page.getByLabel('Text (Markdown)').fill('# Before you travel\n\nCall **0800 101 010**. <script>alert(1)</script>');
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('heading', { level: 2, name: 'Before you travel' }).waitFor();
    expect(await preview.locator('strong').textContent()).toBe('0800 101 010');
    expect(await preview.textContent()).toContain('<script>alert(1)</script>');
    expect(await preview.locator('script').count()).toBe(0);
    await page.getByRole('button', { name: 'Publish the page' }).click();
    await page.getByRole('status').filter({ hasText: 'is published' }).waitFor();
    await page.getByRole('table', { name: 'Pages and their visits' }).getByRole('link', { name: 'Know your rights' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    // A leaflet, and more copies handed out than were printed: refused beside the number of copies.
    await page.getByRole('navigation', { name: /Pages of the campaign/ }).getByRole('link', { name: 'Printed materials' }).click();
    await page.getByRole('button', { name: 'Add an item' }).click();
    const item = page.getByRole('form', { name: 'Add an item' });
    await item.getByLabel('Kind').selectOption('leaflet');
    await item.getByLabel('Title').fill('Know your rights before you travel');
    await item.getByLabel('Language', { exact: true }).fill('en');
    await item.getByLabel('Copies printed').fill('1000');
    await item.getByRole('button', { name: 'Add an item' }).click();
    await page.getByRole('status').filter({ hasText: 'The item is added.' }).waitFor();
    await page.getByRole('button', { name: /Record copies handed out/ }).click();
    const handOut = page.getByRole('form', { name: /Record copies handed out/ });
    await handOut.getByLabel('Partner who carried them').fill('Independent Road Workers’ Union');
    await handOut.getByLabel('Kind of partner').selectOption('union');
    await handOut.getByLabel('Place', { exact: true }).fill('Bypass construction site');
    await handOut.getByLabel('Kind of place').selectOption('construction_site');
    await handOut.getByLabel('Copies').fill('1200');
    await handOut.getByLabel('Handed out on').fill('2020-09-20');
    await handOut.getByRole('button', { name: 'Record' }).click();
    await handOut.getByText('only 1000 copies are left in stock').waitFor();
    await handOut.getByLabel('Copies').fill('400');
    await handOut.getByRole('button', { name: 'Record' }).click();
    await page.getByRole('status').filter({ hasText: 'The copies handed out are recorded.' }).waitFor();
    const leaflet = () => page.getByRole('table', { name: 'Printed materials', exact: true }).getByRole('row', { name: /Know your rights before you travel/ }).getByRole('cell').allTextContents();
    expect(await leaflet()).toEqual(['English', '1,000', '400', '600', expect.stringContaining('Record')]);
    expect(await accessibilityProblems(page)).toEqual([]);

    // A print run below the 400 copies handed out is refused beside it; a larger one is kept.
    await page.getByRole('button', { name: /^Change .*Know your rights before you travel/ }).click();
    const change = page.getByRole('form', { name: /^Change .*Know your rights before you travel/ });
    expect(await change.getByLabel('Copies printed').inputValue()).toBe('1000');
    await change.getByLabel('Copies printed').fill('300');
    await change.getByRole('button', { name: 'Save the changes' }).click();
    await change.getByText('400 copies have been distributed already').waitFor();
    expect(await change.getByLabel('Copies printed').getAttribute('aria-invalid')).toBe('true');
    await change.getByLabel('Copies printed').fill('1500');
    await change.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByRole('status').filter({ hasText: 'The changes are saved.' }).waitFor();
    expect(await leaflet()).toEqual(['English', '1,500', '400', '1,100', expect.stringContaining('Change')]);

    // The union's record, entered by mistake, is removed once confirmed: its copies are back in stock, also after a reload.
    await page.getByRole('button', { name: /^Copies handed out: .*Know your rights before you travel/ }).click();
    const records = page.getByRole('region', { name: /^Copies handed out: .*Know your rights before you travel/ });
    const record = records.getByRole('row', { name: /Independent Road Workers’ Union/ });
    await record.waitFor();
    expect((await record.getByRole('cell').allTextContents()).slice(0, 1)).toEqual(['Bypass construction siteConstruction site']);
    expect(await record.getByRole('cell').nth(2).textContent()).toBe('400');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/campaign-materials-1280.png', fullPage: true });
    await record.getByRole('button', { name: /^Remove the record: .*Independent Road Workers’ Union/ }).click();
    await page.getByRole('dialog', { name: /^Remove the record of 400 copies handed out by .?Independent Road Workers’ Union/ }).getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The record is removed: 400 copies are back in stock.' }).waitFor();
    await records.getByText('No copies of this item have been handed out yet.').waitFor();
    expect(await leaflet()).toEqual(['English', '1,500', '0', '1,500', expect.stringContaining('Change')]);
    await page.reload();
    await page.getByRole('status').filter({ hasText: '1 item' }).waitFor();
    expect(await leaflet()).toEqual(['English', '1,500', '0', '1,500', expect.stringContaining('Change')]);
  });

  it('lets the campaign coordinator hold an event with stakeholders and publish recommendations drawn from it', async () => {
    const api = await signInApi(server.h.app, 'campaign@example.test');
    const created = await api('POST', '/api/v1/campaigns', { name: 'Fair Recruitment 2021', slug: 'fair-recruitment-2021', startsOn: '2021-03-01', endsOn: '2021-05-31', languages: ['sr-Latn', 'en'] });
    expect(created.statusCode).toBe(201);
    const campaignId = created.json().id as string;
    for (const [name, organisation, kind] of [['Milica Petrović', 'Labour Inspectorate', 'labour_inspection'], ['Ivan Jović', 'Ministry of Labour', 'ministry']]) {
      expect((await api('POST', '/api/v1/stakeholders', { name, organisation, kind })).statusCode).toBe(201);
    }
    const watched = await openPage(browser, DESKTOP);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/app/campaigns/${campaignId}/events`);
      await signIn(page, 'campaign@example.test');
      await heading(page, 'Fair Recruitment 2021');
      await page.getByRole('status').filter({ hasText: 'No events yet.' }).waitFor();

      // An event without a format is refused beside the format.
      await page.getByRole('button', { name: 'Add an event' }).click();
      const form = page.getByRole('form', { name: 'Add an event' });
      await form.getByLabel('Title').fill('Round table: recruitment fees');
      await form.getByLabel('Date and time').fill('2021-04-15T10:00');
      await form.getByLabel('Venue').fill('Media Centre, Belgrade');
      await form.getByRole('button', { name: 'Add an event' }).click();
      await expect.poll(() => form.getByLabel('Format').getAttribute('aria-invalid')).toBe('true');
      await form.getByLabel('Format').selectOption('hybrid');
      await form.getByRole('button', { name: 'Add an event' }).click();
      await page.getByRole('status').filter({ hasText: 'The event is added.' }).waitFor();
      const row = page.getByRole('table', { name: 'Public events' }).getByRole('row', { name: /Round table: recruitment fees/ });
      // Planned to the minute, the start shows no seconds.
      expect((await row.getByRole('cell').allTextContents()).slice(0, 2)).toEqual(['15 Apr 2021, 10:00', 'Media Centre, Belgrade']);

      // The inspector is invited, says yes and comes; the room and the stream are counted.
      const event = page.getByRole('region', { name: 'Round table: recruitment fees' });
      await event.getByLabel(/Milica Petrović/).check();
      await event.getByRole('button', { name: 'Invite stakeholders' }).click();
      await page.getByRole('status').filter({ hasText: 'The invitations are recorded.' }).waitFor();
      await event.getByText('1 invited: 0 yes, 0 maybe, 0 no, 1 not answered.').waitFor();
      await event.getByLabel(/^Reply of .*Milica Petrović/).selectOption('yes');
      await event.getByText('1 invited: 1 yes, 0 maybe, 0 no, 0 not answered.').waitFor();
      await event.getByLabel(/^Attendance of .*Milica Petrović/).selectOption('in_person');
      await page.getByRole('status').filter({ hasText: 'The change is saved.' }).waitFor();
      await event.getByLabel('In person', { exact: true }).fill('24');
      await event.getByLabel('Online', { exact: true }).fill('15');
      await event.getByRole('button', { name: 'Save the attendance' }).click();
      await row.getByRole('cell', { name: '39' }).waitFor();
      await event.getByLabel('Topic', { exact: true }).fill('Agencies charge workers recruitment fees');
      await event.getByLabel('Raised by').fill('Labour Inspectorate');
      await event.getByRole('button', { name: 'Add the topic' }).click();
      await event.getByText(/Agencies charge workers recruitment fees.*raised by .*Labour Inspectorate/).waitFor();
      expect(await event.getByLabel(/^Attendance of .*Milica Petrović/).inputValue()).toBe('in_person');

      // A topic noted by mistake is removed once the question is answered; Cancel keeps it.
      const mistaken = 'Catering for the next round table';
      await event.getByLabel('Topic', { exact: true }).fill(mistaken);
      await event.getByRole('button', { name: 'Add the topic' }).click();
      const removeTopic = event.getByRole('button', { name: /^Remove topic “.?Catering for the next round table.?”$/ });
      await removeTopic.click();
      const askTopic = page.getByRole('dialog', { name: /^Remove the topic “.?Catering for the next round table.?”\?$/ });
      expect(await accessibilityProblems(page)).toEqual([]);
      await askTopic.getByRole('button', { name: 'Cancel' }).click();
      await askTopic.waitFor({ state: 'detached' });
      expect(await removeTopic.isEnabled()).toBe(true);
      await removeTopic.click();
      await askTopic.getByRole('button', { name: 'Remove', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'The topic is removed.' }).waitFor();
      await removeTopic.waitFor({ state: 'detached' });
      await event.getByText(/Agencies charge workers recruitment fees/).waitFor();
      const eventId = (await api('GET', `/api/v1/campaigns/${campaignId}/events`)).json().items[0].id as string;
      const topics = (await api('GET', `/api/v1/campaigns/${campaignId}/events/${eventId}`)).json().topics as { text: string }[];
      expect(topics.map((x) => x.text)).toEqual(['Agencies charge workers recruitment fees']);
      await page.reload();
      await page.getByRole('button', { name: /^Invitations and discussion: .*Round table: recruitment fees/ }).click();
      await event.getByText(/Agencies charge workers recruitment fees/).waitFor();
      expect(await event.getByText(mistaken).count()).toBe(0);
      expect(await accessibilityProblems(page)).toEqual([]);
      await page.screenshot({ path: '/tmp/campaign-events-1280.png', fullPage: true });
      // The recommendations drawn from it: refused online while there are none, then published in both languages.
      await page.getByRole('navigation', { name: /Pages of the campaign/ }).getByRole('link', { name: 'Recommendations' }).click();
      const start = page.getByRole('form', { name: 'Start the publication' });
      await start.getByLabel(/Title.*Serbian/).fill('Pošteno zapošljavanje: preporuke');
      await start.getByLabel(/Title.*English/).fill('Fair recruitment: recommendations');
      await start.getByLabel(/^Address/).fill('fair-recruitment-2021');
      await start.getByRole('button', { name: 'Start the publication' }).click();
      await page.getByRole('status').filter({ hasText: 'The publication is started.' }).waitFor();
      await page.getByText('A draft: not public yet.').waitFor();
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByText(/a publication needs at least one recommendation/).waitFor();

      await page.getByRole('button', { name: 'Add a recommendation' }).click();
      const recommendation = page.getByRole('form', { name: 'Add a recommendation' });
      await recommendation.getByLabel('Whom it addresses').selectOption('ministry_labour');
      await recommendation.getByLabel(/Addressed to.*Serbian/).fill('Ministarstvo za rad, zapošljavanje, boračka i socijalna pitanja');
      await recommendation.getByLabel(/Addressed to.*English/).fill('Ministry of Labour, Employment, Veteran and Social Affairs');
      await recommendation.getByLabel(/Gap in the legal framework.*Serbian/).fill('Zakon ne zabranjuje agencijama da naplaćuju naknade radnicima.');
      await recommendation.getByLabel(/Gap in the legal framework.*English/).fill('The law does not forbid agencies to charge workers fees.');
      await recommendation.getByLabel(/Recommendation.*Serbian/).fill('Zabraniti naplatu naknada za zapošljavanje od radnika.');
      await recommendation.getByLabel(/Recommendation.*English/).fill('Forbid charging workers recruitment fees.');
      await recommendation.getByLabel('Agencies charge workers recruitment fees').check();
      await recommendation.getByRole('button', { name: 'Add a recommendation' }).click();
      await page.getByRole('status').filter({ hasText: 'The recommendation is added.' }).waitFor();
      const listed = page.getByRole('table', { name: 'Recommendations in the publication' }).getByRole('row', { name: /Ministry of Labour/ });
      expect(await listed.getByRole('cell').allTextContents()).toEqual(['1', 'The law does not forbid agencies to charge workers fees.', 'Forbid charging workers recruitment fees.', expect.stringContaining('Change')]);

      // A second recommendation, written elsewhere, is removed here after the question.
      const publicationsUrl = `/api/v1/campaigns/${campaignId}/publications`;
      const publicationId = (await api('GET', publicationsUrl)).json().items[0].id as string;
      const second = { addresseeKind: 'labour_inspection', addressee: { en: 'Labour Inspectorate', 'sr-Latn': 'Inspektorat za rad' }, gap: { en: 'Agencies are seldom inspected.', 'sr-Latn': 'Agencije se retko kontrolišu.' }, text: { en: 'Inspect agencies every year.', 'sr-Latn': 'Kontrolisati agencije svake godine.' } };
      expect((await api('POST', `${publicationsUrl}/${publicationId}/recommendations`, second)).statusCode).toBe(201);
      await page.reload();
      const recommendations = page.getByRole('table', { name: 'Recommendations in the publication' }).getByRole('row');
      await page.getByText('2 recommendations').waitFor();
      await page.getByRole('button', { name: 'Remove recommendation 2' }).click();
      const askRecommendation = page.getByRole('dialog', { name: 'Remove recommendation 2?' });
      await askRecommendation.getByRole('button', { name: 'Remove', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'The recommendation is removed.' }).waitFor();
      await page.getByText('1 recommendation', { exact: true }).waitFor();
      expect(await recommendations.count()).toBe(2);
      expect(await page.getByText('Inspect agencies every year.').count()).toBe(0);
      const remaining = (await api('GET', `${publicationsUrl}/${publicationId}`)).json().recommendations as { text: { en: string } }[];
      expect(remaining.map((r) => r.text.en)).toEqual(['Forbid charging workers recruitment fees.']);
      await page.reload();
      await listed.waitFor();
      expect(await recommendations.count()).toBe(2);
      expect(await page.getByText('Inspect agencies every year.').count()).toBe(0);

      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByRole('status').filter({ hasText: 'The publication is online.' }).waitFor();
      const link = page.getByRole('link', { name: /Public page in .*English/ });
      expect(await link.getAttribute('href')).toBe('/en/recommendations/fair-recruitment-2021');
      expect(await page.getByRole('link', { name: /PDF in .*English/ }).getAttribute('href')).toBe('/en/recommendations/fair-recruitment-2021.pdf');
      await page.getByRole('button', { name: 'Take it down' }).waitFor();
      // The only recommendation of a published document stays, and the page says why.
      await page.getByRole('button', { name: 'Remove recommendation 1' }).click();
      await page.getByRole('dialog', { name: 'Remove recommendation 1?' }).getByRole('button', { name: 'Remove', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'A published document needs at least one recommendation. Take it offline first' }).waitFor();
      expect(await recommendations.count()).toBe(2);
      expect(await accessibilityProblems(page)).toEqual([]);
      await page.screenshot({ path: '/tmp/campaign-recommendations-1280.png', fullPage: true });
      await link.click();
      await page.getByRole('heading', { level: 1, name: 'Fair recruitment: recommendations' }).waitFor();
      expect(watched.cspViolations).toEqual([]);
      expect(watched.pageErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('lets a campaign user add a stakeholder, correct them, and invite them to an event', async () => {
    const api = await signInApi(server.h.app, 'campaign@example.test');
    const created = await api('POST', '/api/v1/campaigns', { name: 'Safe Migration 2022', slug: 'safe-migration-2022', startsOn: '2022-03-01', endsOn: '2022-05-31', languages: ['sr-Latn'] });
    expect(created.statusCode).toBe(201);
    const campaignId = created.json().id as string;
    const planned = await api('POST', `/api/v1/campaigns/${campaignId}/events`, { title: 'Town hall in Niš', format: 'in_person', startsAt: '2022-04-05T17:00:00+02:00', venue: 'City Hall, Niš' });
    expect(planned.statusCode).toBe(201);
    const watched = await openPage(browser, DESKTOP);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/app/campaigns`);
      await signIn(page, 'campaign@example.test');
      await heading(page, 'Campaigns');
      await page.getByRole('link', { name: 'Stakeholders' }).click();
      await heading(page, 'Stakeholders');

      // Without a name nothing is added, and the refusal stands beside the name.
      await page.getByRole('button', { name: 'Add a stakeholder' }).click();
      const form = page.getByRole('form', { name: 'Add a stakeholder' });
      await form.getByLabel('Organisation', { exact: true }).fill('Trade Union Nezavisnost');
      await form.getByLabel('Kind').selectOption('union');
      await form.getByLabel('E-mail').fill('jelena@nezavisnost.example');
      await form.getByRole('button', { name: 'Add a stakeholder' }).click();
      await form.locator('.field-error').first().waitFor();
      expect(await form.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(await accessibilityProblems(page)).toEqual([]);
      await form.getByLabel('Name', { exact: true }).fill('Jelena Marković');
      await form.getByRole('button', { name: 'Add a stakeholder' }).click();
      await page.getByRole('status').filter({ hasText: 'The stakeholder is added.' }).waitFor();
      const table = page.getByRole('table', { name: 'Stakeholders' });
      const row = table.getByRole('row', { name: /Jelena Marković/ });
      expect((await row.getByRole('cell').allTextContents()).slice(0, 2)).toEqual(['Trade union', 'Trade Union NezavisnostNot in the partner directory']);

      // Opened, the stakeholder shows the e-mail kept for them; a role is added.
      await row.getByRole('button', { name: /^Change .*Jelena Marković/ }).click();
      const edit = page.getByRole('form', { name: /^Change .*Jelena Marković/ });
      expect(await edit.getByLabel('E-mail').inputValue()).toBe('jelena@nezavisnost.example');
      await edit.getByLabel('Role').fill('Legal adviser');
      await edit.getByRole('button', { name: 'Save the changes' }).click();
      await page.getByRole('status').filter({ hasText: 'The changes are saved.' }).waitFor();
      await row.getByText('Legal adviser').waitFor();

      // The kind filter narrows the list.
      await page.getByLabel('Kind').selectOption('media');
      await page.getByRole('status').filter({ hasText: 'No stakeholders yet.' }).waitFor();
      await page.getByLabel('Kind').selectOption('union');
      await row.waitFor();

      // The campaign's event now offers the new stakeholder among those to invite.
      await page.goto(`${server.url}/app/campaigns/${campaignId}/events`);
      await heading(page, 'Safe Migration 2022');
      await page.getByRole('button', { name: /^Invitations and discussion: .*Town hall in Niš/ }).click();
      const event = page.getByRole('region', { name: 'Town hall in Niš' });
      await event.getByLabel(/Jelena Marković/).check();
      expect(await event.getByRole('link', { name: 'Stakeholders' }).getAttribute('href')).toContain('/campaigns/stakeholders');
      expect(watched.cspViolations).toEqual([]);
      expect(watched.pageErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('lets a campaign user link the contact list to the partner directory, invite from it, and take someone off the list', async () => {
    await addUser(server.h.ctx, 'coordinator@example.test', ['coordinator']);
    const coordinatorApi = await signInApi(server.h.app, 'coordinator@example.test');
    const partner = await coordinatorApi('POST', '/api/v1/partners', {
      name: 'Nezavisnost Trade Union Confederation', kind: 'union', country: 'RS', city: 'Belgrade',
      contacts: [{ name: 'Milan Kostić', role: 'Organiser', email: 'milan@nezavisnost.example' }, { role: 'Legal office', phone: '011 333 4444' }],
    });
    expect(partner.statusCode).toBe(201);
    const api = await signInApi(server.h.app, 'campaign@example.test');
    const campaignId = (await api('POST', '/api/v1/campaigns', { name: 'Fair Recruitment 2023', slug: 'fair-recruitment-2023', startsOn: '2023-03-01', endsOn: '2023-05-31', languages: ['en'] })).json().id as string;
    expect((await api('POST', `/api/v1/campaigns/${campaignId}/events`, { title: 'Round table in Subotica', format: 'in_person', startsAt: '2023-04-05T17:00:00+02:00', venue: 'City Hall, Subotica' })).statusCode).toBe(201);
    for (const [name, organisation] of [['Zoran Pavlović', '  nezavisnost trade union  confederation'], ['Ilija Ristić', 'Radio Subotica']]) {
      expect((await api('POST', '/api/v1/stakeholders', { name, organisation, kind: 'union' })).statusCode).toBe(201);
    }
    const watched = await openPage(browser, DESKTOP);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/app/campaigns/stakeholders`);
      await signIn(page, 'campaign@example.test');
      await heading(page, 'Stakeholders');
      const table = page.getByRole('table', { name: 'Stakeholders' });
      const zoran = table.getByRole('row', { name: /Zoran Pavlović/ });
      await zoran.getByText('Not in the partner directory').waitFor();

      // The directory absorbs the list where an organisation has a partner's name.
      await page.getByRole('button', { name: 'Link to the partner directory' }).click();
      await page.getByRole('status').filter({ hasText: '1 stakeholder linked to the directory.' }).waitFor();
      // Other tests' stakeholders share this server, so only the wording is pinned here.
      expect(await page.getByRole('status').textContent()).toMatch(/organisations? (is|are) not in the directory: link (it|them) by hand\.$/);
      await zoran.getByText(/^In the directory: .?Nezavisnost Trade Union Confederation.?$/).waitFor();
      await table.getByRole('row', { name: /Ilija Ristić/ }).getByText('Not in the partner directory').waitFor();

      // Someone who left is taken off the list: gone from the list and from those to invite, still findable.
      const ilija = table.getByRole('row', { name: /Ilija Ristić/ });
      await ilija.getByRole('button', { name: /^Change .*Ilija Ristić/ }).click();
      const edit = page.getByRole('form', { name: /^Change .*Ilija Ristić/ });
      await edit.getByLabel('On the contact list').uncheck();
      expect(await accessibilityProblems(page)).toEqual([]);
      await edit.getByRole('button', { name: 'Save the changes' }).click();
      await page.getByRole('status').filter({ hasText: 'The changes are saved.' }).waitFor();
      await ilija.waitFor({ state: 'detached' });
      await page.getByLabel('Show').selectOption('false');
      await table.getByRole('row', { name: /Ilija Ristić/ }).getByText('Off the list').waitFor();

      // An event invites a partner's contact straight from the directory.
      await page.goto(`${server.url}/app/campaigns/${campaignId}/events`);
      await heading(page, 'Fair Recruitment 2023');
      await page.getByRole('button', { name: /^Invitations and discussion: .*Round table in Subotica/ }).click();
      const event = page.getByRole('region', { name: 'Round table in Subotica' });
      await event.getByLabel(/Zoran Pavlović/).waitFor();
      expect(await event.getByLabel(/Ilija Ristić/).count()).toBe(0);
      await event.getByText('Nobody invited yet.', { exact: true }).waitFor();
      const fromDirectory = event.getByRole('form', { name: 'From the partner directory' });
      await fromDirectory.getByRole('button', { name: 'Invite from the partner directory' }).click();
      await fromDirectory.locator('.field-error').filter({ hasText: 'Choose whom to invite.' }).waitFor();
      await fromDirectory.getByLabel('Partner').selectOption({ label: 'Nezavisnost Trade Union Confederation' });
      await fromDirectory.getByLabel(/Milan Kostić/).check();
      await fromDirectory.getByLabel(/Legal office/).check();
      expect(await accessibilityProblems(page)).toEqual([]);
      await fromDirectory.getByRole('button', { name: 'Invite from the partner directory' }).click();
      await page.getByRole('status').filter({ hasText: '2 invitations recorded.' }).waitFor();
      const invitations = event.getByRole('table', { name: 'Invitations' });
      await invitations.getByRole('row', { name: /Milan Kostić/ }).waitFor();
      await invitations.getByRole('row', { name: /Legal office/ }).waitFor();
      await event.getByText('2 invited: 0 yes, 0 maybe, 0 no, 2 not answered.').waitFor();
      // Both joined the contact list, linked to the partner.
      const people = (await api('GET', `/api/v1/stakeholders?partnerId=${partner.json().id}`)).json().items.map((s: { name: string }) => s.name);
      expect(people.sort()).toEqual(['Legal office', 'Milan Kostić', 'Zoran Pavlović']);
      expect(watched.cspViolations).toEqual([]);
      expect(watched.pageErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('lets a campaign user upload an image into a page, described for readers who cannot see it', async () => {
    const api = await signInApi(server.h.app, 'campaign@example.test');
    const campaignId = (await api('POST', '/api/v1/campaigns', { name: 'Safe Work Abroad', slug: 'safe-work-abroad', startsOn: '2024-03-01', endsOn: '2024-05-31', languages: ['en'] })).json().id as string;
    // A phone's photo, with the place it was taken in its EXIF.
    const photo = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: { r: 30, g: 110, b: 60 } } })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '44/1 48/1 5/1', GPSLongitudeRef: 'E', GPSLongitude: '20/1 27/1 44/1' } })
      .toBuffer();
    const watched = await openPage(browser, DESKTOP);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/app/campaigns/${campaignId}/pages`);
      await signIn(page, 'campaign@example.test');
      await heading(page, 'Safe Work Abroad');
      await page.getByLabel('Write or change the page in').selectOption('en');
      await page.getByLabel('Title', { exact: true }).fill('Before you go');
      const text = page.getByLabel('Text (Markdown)');
      await text.fill('Check the agency.\n\nKeep your passport.');
      // The cursor after the first paragraph: the image goes there.
      await text.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange('Check the agency.'.length, 'Check the agency.'.length));

      const images = page.getByRole('region', { name: 'Insert an image' });
      await images.getByText('No images uploaded yet.').waitFor();
      // Without a description the image is not sent.
      await images.getByLabel('Image', { exact: true }).setInputFiles({ name: 'site.jpg', mimeType: 'image/jpeg', buffer: photo });
      await images.getByRole('button', { name: 'Upload and insert' }).click();
      await images.locator('.field-error').filter({ hasText: 'Describe the image for readers who cannot see it.' }).waitFor();
      // A text file is not an image: the server's refusal appears beside the file.
      await images.getByLabel('Image', { exact: true }).setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo') });
      await images.getByLabel('Description of the image').fill('Workers checking a contract');
      await images.getByRole('button', { name: 'Upload and insert' }).click();
      await images.locator('.field-error').filter({ hasText: 'must be a JPEG, PNG, WebP or GIF image' }).waitFor();

      await images.getByLabel('Image', { exact: true }).setInputFiles({ name: 'site.jpg', mimeType: 'image/jpeg', buffer: photo });
      await images.getByRole('button', { name: 'Upload and insert' }).click();
      await page.getByRole('status').filter({ hasText: 'The image is in the text' }).waitFor();
      const body = await text.inputValue();
      expect(body).toMatch(/^Check the agency\.\n\n!\[Workers checking a contract\]\(\/media\/campaigns\/[0-9a-f]{32}\.webp\)\n\nKeep your passport\.$/);
      const url = /\((\/media\/campaigns\/[^)]+)\)/.exec(body)![1]!;

      // The preview shows it, loaded from this site.
      const shown = page.getByRole('region', { name: 'Preview' }).getByRole('img', { name: 'Workers checking a contract' });
      await shown.waitFor();
      expect(await shown.getAttribute('src')).toBe(url);
      await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1200);
      await images.getByRole('listitem').getByText(`![Workers checking a contract](${url})`).waitFor();
      expect(await accessibilityProblems(page)).toEqual([]);
      await page.screenshot({ path: '/tmp/campaign-page-image-1280.png', fullPage: true });

      // What the site serves has no EXIF.
      const served = await fetch(`${server.url}${url}`);
      expect(served.headers.get('content-type')).toBe('image/webp');
      expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).exif).toBeUndefined();

      // Removing it asks first.
      await images.getByRole('button', { name: /^Remove the image .*Workers checking a contract/ }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
      await images.getByText('No images uploaded yet.').waitFor();
      expect((await fetch(`${server.url}${url}`)).status).toBe(404);
      expect(watched.cspViolations).toEqual([]);
      expect(watched.pageErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('shows a hotline operator no Campaigns menu', async () => {
    const hotline = await openPage(browser, DESKTOP);
    try {
      await hotline.page.goto(`${server.url}/app/`);
      await hotline.page.screenshot({ path: '/tmp/campaign-hotline-start.png' }).catch(() => undefined);
      await signIn(hotline.page, 'hotline@example.test');
      await hotline.page.getByRole('navigation', { name: 'Main menu' }).waitFor();
      const menu = await menuOf(hotline.page);
      expect(menu).toContain('Contacts');
      expect(menu).not.toContain('Campaigns');
    } finally {
      await hotline.close();
    }
  });
});

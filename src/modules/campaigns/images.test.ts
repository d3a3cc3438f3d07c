import sharp from 'sharp';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDb, harness, signedInAs, type Client, type Harness } from '../../../test/support.js';
import { IMAGE_MAX_BYTES, imageMarkdown } from './images.service.js';

/** A photo as a phone takes it: larger than a page needs, with the place it was taken in its EXIF. */
function phonePhoto(width = 2400, height = 1600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .composite([{ input: { create: { width: width / 2, height: height / 2, channels: 3, background: { r: 240, g: 200, b: 40 } } }, top: height / 4, left: width / 4 }])
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Artist: 'A. Worker' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '44/1 48/1 5/1', GPSLongitudeRef: 'E', GPSLongitude: '20/1 27/1 44/1' },
    })
    .toBuffer();
}

describeEachDb('images for the campaign pages', (dialect) => {
  let h: Harness;
  let campaign: Client;
  let id: string;

  const upload = (body: Buffer | string, query = '?alt=Workers%20on%20a%20building%20site', contentType = 'image/jpeg', client = campaign) =>
    h.app.inject({ method: 'POST', url: `/api/v1/campaigns/${id}/images${query}`, payload: body, headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': contentType } });
  const stored = async () => (await h.ctx.db.selectFrom('campaign_images').select('id').execute()).length;

  beforeEach(async () => {
    h = await harness(dialect);
    campaign = await signedInAs(h, 'campaign');
    id = (await campaign('POST', '/api/v1/campaigns', { name: 'Labour Rights – Now!', slug: 'labour-rights-now', startsOn: '2020-09-01', endsOn: '2020-12-15', languages: ['en'] })).json().id;
  });
  afterEach(() => h.close());

  it('re-encodes an upload as WebP at most 1200 px wide with no EXIF, and serves it to everyone', async () => {
    const photo = await phonePhoto();
    expect((await sharp(photo).metadata()).exif).toBeDefined();

    const r = await upload(photo);
    expect(r.statusCode).toBe(201);
    const image = r.json();
    expect(image).toMatchObject({ width: 1200, height: 800, url: expect.stringMatching(/^\/media\/campaigns\/[0-9a-f]{32}\.webp$/) });
    expect(image.markdown).toBe(`![Workers on a building site](${image.url})`);

    const served = await h.app.inject({ method: 'GET', url: image.url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/webp');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['set-cookie']).toBeUndefined();
    expect(served.rawPayload.length).toBe(image.bytes);
    const meta = await sharp(served.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 1200, height: 800 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(served.rawPayload.includes('PhoneMaker')).toBe(false);
    expect((await h.app.inject({ method: 'GET', url: image.url, headers: { 'if-none-match': served.headers.etag as string } })).statusCode).toBe(304);

    const list = (await campaign('GET', `/api/v1/campaigns/${id}/images`)).json();
    expect(list.items).toEqual([expect.objectContaining({ id: image.id, url: image.url, alt: 'Workers on a building site', markdown: image.markdown })]);

    const audit = await h.ctx.db.selectFrom('audit_events').selectAll().where('action', '=', 'campaign.image.uploaded').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain('Workers on a building site');

    // An image on a page renders as an <img> of this site.
    await campaign('PUT', `/api/v1/campaigns/${id}/pages/en`, { title: 'Labour rights', body: `Before the text.\n\n${image.markdown}` });
    const page = await h.app.inject({ method: 'GET', url: '/en/campaigns/labour-rights-now' });
    expect(page.body).toContain(`<img src="${image.url}" alt="Workers on a building site" loading="lazy">`);
  });

  it('never enlarges a small image, and stores the same image once', async () => {
    const small = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } }).png().toBuffer();
    const first = await upload(small, '', 'image/png');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ width: 300, height: 200, alt: null, markdown: `![](${first.json().url})` });
    const again = await upload(small, '?alt=A%20dark%20square', 'image/png');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, markdown: `![A dark square](${first.json().url})` });
    expect(await stored()).toBe(1);
    // Two people uploading one new image at the same moment both get it, stored once.
    const other = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#1f77b4' } }).png().toBuffer();
    const both = await Promise.all([upload(other, '', 'image/png'), upload(other, '', 'image/png')]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(new Set(both.map((r) => r.json().id)).size).toBe(1);
    expect(await stored()).toBe(2);
  });

  it('turns a photo upright as its orientation tag says', async () => {
    // A phone held upright stores the picture sideways and says so in EXIF (orientation 6: turn 90° clockwise).
    const sideways = await sharp({ create: { width: 600, height: 400, channels: 3, background: { r: 200, g: 30, b: 30 } } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(sideways).metadata()).orientation).toBe(6);
    const r = await upload(sideways);
    expect(r.json()).toMatchObject({ width: 400, height: 600 });
    const meta = await sharp((await h.app.inject({ method: 'GET', url: r.json().url })).rawPayload).metadata();
    expect(meta).toMatchObject({ width: 400, height: 600 });
    expect(meta.orientation).toBeUndefined();
  });

  it('refuses anything that is not an image, naming the file, and stores nothing', async () => {
    for (const [body, type] of [
      ['Dear campaign team, here is the text of the leaflet.', 'text/plain'],
      ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/svg+xml'],
      [Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]), 'image/jpeg'],
      ['{"a": 1}', 'application/json'],
    ] as const) {
      const r = await upload(body as Buffer | string, undefined, type);
      expect(r.statusCode).toBe(400);
      expect(r.json().error.details).toEqual([{ field: 'file', message: 'must be a JPEG, PNG, WebP or GIF image' }]);
    }
    const empty = await upload(Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toEqual([expect.objectContaining({ field: 'file' })]);
    const badAlt = await upload(await phonePhoto(400, 300), `?alt=${'x'.repeat(301)}`);
    expect(badAlt.statusCode).toBe(400);
    expect(badAlt.json().error.details).toEqual([expect.objectContaining({ field: 'alt' })]);
    const tooLarge = await upload(Buffer.alloc(IMAGE_MAX_BYTES + 1, 1));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.details).toEqual([{ field: 'file', message: 'must be at most 10 MB' }]);
    expect(await stored()).toBe(0);
    expect(await h.ctx.db.selectFrom('audit_events').select('seq').where('action', '=', 'campaign.image.uploaded').execute()).toHaveLength(0);
  });

  it('is for campaign staff only', async () => {
    const hotline = await signedInAs(h, 'hotline');
    const photo = await phonePhoto(400, 300);
    expect((await upload(photo, '', 'image/jpeg', hotline)).statusCode).toBe(403);
    expect((await hotline('GET', `/api/v1/campaigns/${id}/images`)).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/campaigns/${id}/images`, payload: photo, headers: { 'content-type': 'image/jpeg' } })).statusCode).toBe(401);
    expect(await stored()).toBe(0);
    const coordinator = await signedInAs(h, 'coordinator');
    expect((await upload(photo, '', 'image/jpeg', coordinator)).statusCode).toBe(201);
    expect((await campaign('POST', '/api/v1/campaigns/no-such-campaign/images', photo, { 'content-type': 'image/jpeg' })).statusCode).toBe(404);
  });

  it('removes an image: its address then answers 404', async () => {
    const image = (await upload(await phonePhoto(800, 600))).json();
    const hotline = await signedInAs(h, 'hotline');
    expect((await hotline('DELETE', `/api/v1/campaigns/${id}/images/${image.id}`)).statusCode).toBe(403);
    expect((await campaign('DELETE', `/api/v1/campaigns/${id}/images/${image.id}`)).statusCode).toBe(204);
    expect((await campaign('DELETE', `/api/v1/campaigns/${id}/images/${image.id}`)).statusCode).toBe(404);
    const gone = await h.app.inject({ method: 'GET', url: image.url });
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['content-type']).toContain('text/html');
    expect((await h.app.inject({ method: 'GET', url: '/media/campaigns/..%2F..%2Fetc%2Fpasswd' })).statusCode).toBe(404);
    expect((await campaign('GET', `/api/v1/campaigns/${id}/images`)).json().items).toEqual([]);
  });
});

it('escapes the alt text so that it cannot end the image early', () => {
  expect(imageMarkdown('A [draft] leaflet \\ front', '/media/campaigns/x.webp')).toBe('![A \\[draft\\] leaflet \\\\ front](/media/campaigns/x.webp)');
});

import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError, type FieldProblem } from '../../platform/errors.js';
import { html, type SafeHtml } from '../../platform/html.js';
import { idempotencyKeyOf, runOnce, sendOutcome } from '../../platform/idempotency.js';
import type { PublicLang } from '../../platform/i18n/locales.js';
import { everyone } from '../../platform/policy.js';
import { sosBox, type SosLine } from '../public-site/home.js';
import { renderPage } from '../public-site/layout.js';
import { langParam, sendNotFoundPage } from '../public-site/public-site.routes.js';
import { publicText, type PublicText } from '../public-site/text.js';
import { CONTACT_METHODS, TOPICS } from './contacts.schemas.js';
import type { ContactsService } from './contacts.service.js';

/** Public reports per client and minute: enough for a person, too few for a flood. */
export const PUBLIC_REPORTS_PER_MINUTE = 10;
const publicReport = { policy: everyone, rateLimit: { max: PUBLIC_REPORTS_PER_MINUTE, timeWindow: '1 minute' } };

/** What the form sends; every field is optional so a half-filled form comes back, never a 500. */
interface ReportForm {
  message: string;
  topic: string;
  method: string;
  contact: string;
  safeTime: string;
}

type FormErrors = Partial<Record<keyof ReportForm, string>>;

// Apps are called by their names in every language.
const BRANDS: Partial<Record<string, string>> = { viber: 'Viber', whatsapp: 'WhatsApp' };

const field = (body: unknown, name: keyof ReportForm): string => {
  const v = (body as Record<string, unknown> | null)?.[name];
  return typeof v === 'string' ? v : '';
};

function formOf(body: unknown): ReportForm {
  return { message: field(body, 'message'), topic: field(body, 'topic'), method: field(body, 'method'), contact: field(body, 'contact'), safeTime: field(body, 'safeTime') };
}

/** The API's field names, mapped back to the form's fields and explained in the reader's language. */
function errorsOf(problems: readonly FieldProblem[], text: PublicText): FormErrors {
  const errors: FormErrors = {};
  for (const { field: name } of problems) {
    if (name === 'message') errors.message = text('report.error.message');
    else if (name.startsWith('contact')) errors.contact = text('report.error.contact');
    else if (name === 'topic') errors.topic = text('report.error.field');
  }
  return errors;
}

function option(value: string, label: string, selected: boolean): SafeHtml {
  return selected ? html`<option value="${value}" selected>${label}</option>` : html`<option value="${value}">${label}</option>`;
}

function fieldError(id: string, error: string | undefined): SafeHtml | false {
  return error !== undefined && html`<p class="error" id="${id}-error">${error}</p>`;
}

const describedBy = (id: string, hint: boolean, error: string | undefined): string =>
  [hint ? `${id}-hint` : '', error !== undefined ? `${id}-error` : ''].filter(Boolean).join(' ');

function renderForm(lang: PublicLang, sos: SosLine, form: ReportForm, errors: FormErrors): string {
  const text = publicText(lang);
  const invalid = Object.keys(errors).length > 0;
  const main = html`<h1>${text('report.title')}</h1>
<p>${text('report.intro')}</p>
${invalid && html`<div class="errors" role="alert"><h2>${text('report.error.title')}</h2></div>`}
<form method="post" action="/${lang}/report" class="report">
<div class="field">
<label for="message">${text('report.message.label')}</label>
<span class="hint" id="message-hint">${text('report.message.hint')}</span>
${fieldError('message', errors.message)}
<textarea id="message" name="message" rows="8" maxlength="10000" required dir="auto" aria-describedby="${describedBy('message', true, errors.message)}">${form.message}</textarea>
</div>
<div class="field">
<label for="topic">${text('report.topic.label')}</label>
${fieldError('topic', errors.topic)}
<select id="topic" name="topic">
${option('', text('report.topic.unsure'), !TOPICS.includes(form.topic as never))}
${TOPICS.map((t) => option(t, text(`report.topic.${t}`), form.topic === t))}
</select>
</div>
<fieldset>
<legend>${text('report.callBack.legend')}</legend>
<div class="field">
<label for="method">${text('report.method.label')}</label>
<select id="method" name="method">
${option('', text('report.method.none'), !CONTACT_METHODS.includes(form.method as never))}
${CONTACT_METHODS.map((m) => option(m, BRANDS[m] ?? text(`report.method.${m}`), form.method === m))}
</select>
</div>
<div class="field">
<label for="contact">${text('report.contact.label')}</label>
${fieldError('contact', errors.contact)}
<input id="contact" name="contact" type="text" maxlength="254" autocomplete="off" dir="ltr" value="${form.contact}"${errors.contact !== undefined ? html` aria-describedby="contact-error"` : ''}>
</div>
<div class="field">
<label for="safeTime">${text('report.safeTime.label')}</label>
<span class="hint" id="safeTime-hint">${text('report.safeTime.hint')}</span>
<input id="safeTime" name="safeTime" type="text" maxlength="200" autocomplete="off" dir="auto" aria-describedby="safeTime-hint" value="${form.safeTime}">
</div>
</fieldset>
<p><button type="submit">${text('report.send')}</button></p>
</form>
<p class="privacy">${text('report.privacy')}</p>
${sosBox(lang, sos)}`;
  return renderPage({ lang, path: 'report', title: text('report.title'), main });
}

function renderThanks(lang: PublicLang, sos: SosLine, reference: string): string {
  const text = publicText(lang);
  const main = html`<h1>${text('report.thanks.title')}</h1>
<p>${text('report.thanks.reference')}</p>
<p class="reference" dir="ltr"><strong>${reference}</strong></p>
<p>${text('report.thanks.next')}</p>
<p><a href="/${lang}/report">${text('report.thanks.again')}</a></p>
${sosBox(lang, sos)}`;
  return renderPage({ lang, path: 'report', title: text('report.thanks.title'), main });
}

/** Every public page is rendered whole; a page that answers a report holds its reference, so nobody may keep a copy. */
function send(reply: FastifyReply, page: string, status: number, cache: 'public' | 'none'): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', cache === 'public' ? 'public, max-age=300' : 'no-store')
    .send(page);
}

/**
 * The anonymous report API, and `/:lang/report`: the same as a plain HTML form, so it works with
 * JavaScript off, setting no cookie. The answer to a sent form is rendered in place, not
 * redirected to, so the reference never appears in an address the browser's history keeps.
 * Neither stores the sender's IP address or user agent.
 */
export function registerPublicReportRoutes(app: FastifyInstance, ctx: AppContext, contacts: ContactsService): void {
  app.post('/api/v1/public/reports', { config: publicReport }, async (request, reply) => {
    // Anonymous clients share one scope, so a key only ever replays the very same report.
    const scope = `public.reports:${ctx.cipher.keyedHash('idempotency', JSON.stringify(request.body ?? null))}`;
    const outcome = await runOnce(ctx, idempotencyKeyOf(request), scope, async (trx) => ({ status: 202, body: await contacts.report(request.body, trx) }));
    return sendOutcome(reply, outcome);
  });

  app.get('/:lang/report', { config: { policy: everyone } }, (request, reply) => {
    const lang = langParam(request);
    if (!lang) return sendNotFoundPage(request, reply);
    return send(reply, renderForm(lang, ctx.config.sos, formOf(null), {}), 200, 'public');
  });

  app.post('/:lang/report', { config: publicReport }, async (request, reply) => {
    const lang = langParam(request);
    if (!lang) return sendNotFoundPage(request, reply);
    const form = formOf(request.body);
    const text = publicText(lang);
    const contactValue = form.contact.trim();
    if (form.method !== '' && contactValue === '') {
      return send(reply, renderForm(lang, ctx.config.sos, form, { contact: text('report.error.contactMissing') }), 400, 'none');
    }
    const input = {
      message: form.message,
      language: lang,
      ...(TOPICS.includes(form.topic as never) ? { topic: form.topic } : {}),
      ...(contactValue
        ? { contact: { value: contactValue, ...(CONTACT_METHODS.includes(form.method as never) ? { method: form.method } : {}), ...(form.safeTime.trim() ? { safeTime: form.safeTime } : {}) } }
        : {}),
    };
    try {
      const { reference } = await ctx.db.transaction().execute((trx) => contacts.report(input, trx));
      return send(reply, renderThanks(lang, ctx.config.sos, reference), 200, 'none');
    } catch (err) {
      if (err instanceof AppError && err.status === 400 && Array.isArray(err.details)) {
        return send(reply, renderForm(lang, ctx.config.sos, form, errorsOf(err.details as FieldProblem[], text)), 400, 'none');
      }
      throw err;
    }
  });
}

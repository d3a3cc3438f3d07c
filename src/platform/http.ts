import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError, fieldProblemsOf } from './errors.js';

/** Every error leaves as `{error: {code, message, details, requestId}}`; bad input never becomes a 5xx. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | ZodError, request, reply) => {
    const requestId = request.id;
    if (err instanceof AppError) {
      if (err.headers) void reply.headers(err.headers);
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details, requestId } });
    }
    if (err instanceof ZodError) {
      return reply.status(400).send({ error: { code: 'invalid_fields', message: 'Invalid fields.', details: fieldProblemsOf(err), requestId } });
    }
    const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 400 && status < 500) {
      if (status === 429 && 'headers' in err) void reply.headers((err as { headers: Record<string, string> }).headers);
      const code = status === 429 ? 'rate_limited' : status === 413 ? 'payload_too_large' : 'bad_request';
      return reply.status(status).send({ error: { code, message: err.message, requestId } });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on our side. Quote this reference if you report it.', requestId } });
  });
}

export function sendJsonNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.status(404).send({ error: { code: 'not_found', message: `No such resource: ${request.method} ${request.url.split('?')[0]}`, requestId: request.id } });
}

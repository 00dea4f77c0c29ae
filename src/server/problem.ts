/** Every error leaves as problem+json (RFC 9457) with the TakedownError fields; no stack traces. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { isTakedownError } from '../model/index.ts';

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let body: { code: string; title: string; status: number; detail?: string };
    if (isTakedownError(error)) {
      body = error.toJSON();
    } else if (error.validation) {
      body = {
        code: 'validation',
        title: 'The request is not valid',
        status: 400,
        detail: error.message.slice(0, 500),
      };
    } else if (error.statusCode === 429) {
      body = {
        code: 'rate_limited',
        title: 'Too many attempts: wait a minute and try again',
        status: 429,
      };
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      body = {
        code: error.code?.toLowerCase() ?? 'bad_request',
        title: error.message.slice(0, 300),
        status: error.statusCode,
      };
    } else {
      request.log.error({ err: error }, 'internal error');
      body = { code: 'internal', title: 'Something went wrong on the server', status: 500 };
    }
    if (body.status >= 500 && isTakedownError(error))
      request.log.error({ err: error }, 'server error');
    void reply
      .status(body.status)
      .type('application/problem+json')
      .send({ type: 'about:blank', ...body });
  });
}

import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { PlatformError } from '../../contract/platform-api.js';

/**
 * 400 for a body that does not match the contract. The message lists field paths and problem
 * codes only: zod messages can quote values, and values here may be names and ID numbers.
 */
export function invalid(reply: FastifyReply, error: z.ZodError): FastifyReply {
  const problems = error.issues.map(
    (issue) => `${issue.path.join('.') || '(body)'}: ${issue.code}`,
  );
  const body: PlatformError = {
    error: 'invalidRequest',
    message: problems.join('; ').slice(0, 300),
  };
  return reply.code(400).send(body);
}

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { CustomErrorBase, InputError } from '@backstage/errors';
import { HttpBodyParser } from '@backstage/plugin-events-node';
import { eventsExtensionPoint } from '@backstage/plugin-events-node/alpha';
import contentType from 'content-type';
import { NextFunction, Request, Response } from 'express';

/** A webhook without a readable Content-Type. */
class UnsupportedMediaTypeError extends CustomErrorBase {
  name = 'UnsupportedMediaTypeError';
  statusCode = 415;
}

/**
 * The events backend reads `Content-Type` and parses JSON before any
 * validator runs, and answers a missing header, an empty body or bad JSON
 * with a 500. These answer them as the client's fault: 415 for a missing
 * or unreadable Content-Type, 400 for a body that is not a JSON object.
 */
export function requireContentType(
  req: Request,
  _res: Response,
  next: NextFunction,
) {
  if (req.method !== 'POST' || !req.path.startsWith('/http/')) {
    next();
    return;
  }
  try {
    contentType.parse(req);
  } catch {
    next(
      new UnsupportedMediaTypeError(
        'A webhook needs a Content-Type header, e.g. application/json',
      ),
    );
    return;
  }
  next();
}

/** `application/json` bodies: a JSON object, else a 400 (never a 500). */
export const strictJsonBodyParser: HttpBodyParser = async (
  request,
  parsedMediaType,
) => {
  const body: unknown = request.body;
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new InputError('The webhook body is empty');
  }
  const encoding = parsedMediaType.parameters.charset ?? 'utf-8';
  if (!Buffer.isEncoding(encoding)) {
    throw new UnsupportedMediaTypeError(`Unsupported charset: ${encoding}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString(encoding));
  } catch {
    throw new InputError('The webhook body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError('The webhook body is not a JSON object');
  }
  return { bodyParsed: parsed, bodyBuffer: body, encoding };
};

/**
 * A module of the events plugin: installs the checks above in front of its
 * HTTP ingress (`/api/events/http/<topic>`). Signatures are checked after
 * them by the GitHub and GitLab modules' own validators.
 * @public
 */
export const eventsModuleWebhookGuard = createBackendModule({
  pluginId: 'events',
  moduleId: 'golden-paths-webhook-guard',
  register(reg) {
    reg.registerInit({
      deps: {
        events: eventsExtensionPoint,
        httpRouter: coreServices.httpRouter,
      },
      async init({ events, httpRouter }) {
        events.addHttpPostBodyParser({
          contentType: 'application/json',
          parser: strictJsonBodyParser,
        });
        // Modules start before their plugin, so this runs before the
        // events plugin's own router.
        httpRouter.use(requireContentType);
      },
    });
  },
});

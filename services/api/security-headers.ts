// Security headers on every answer (helmet). The Content-Security-Policy fits the built dashboard:
// scripts, styles, fonts and images only from this origin, no plugins, no framing, forms and fetches
// to this origin only. Styles also allow inline: @observablehq/plot puts a <style> element and
// style attributes in every chart it draws (with a random class name, so a hash cannot cover them);
// scripts never run inline. HSTS only when the public URL is https (on plain http a browser would
// ignore it, and a localhost answer must not pin https for other local apps).
import helmet from 'helmet';
import type { RequestHandler } from 'express';

export function securityHeaders(publicUrl: string): RequestHandler {
  const https = new URL(publicUrl).protocol === 'https:';
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}

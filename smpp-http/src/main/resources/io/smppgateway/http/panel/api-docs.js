// The API reference page: Swagger UI (from the jar) on /api/openapi.json, read with the panel's
// session; "Try it out" sends the session's CSRF token with every change, as the panel's pages do.
'use strict';

Panel.start(async () => {
  const session = await fetch('/auth/session', { credentials: 'same-origin', cache: 'no-store' });
  const csrfToken = session.ok ? (await session.json()).csrf_token : '';
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    // the document is ours: no validator badge fetched from elsewhere
    validatorUrl: null,
    requestInterceptor: request => {
      if (request.method && request.method.toUpperCase() !== 'GET') {
        request.headers['X-CSRF-Token'] = csrfToken;
      }
      request.credentials = 'same-origin';
      return request;
    },
  });
});

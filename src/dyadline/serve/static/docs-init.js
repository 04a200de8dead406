/* Starts the vendored Swagger UI on this server's own OpenAPI schema.
 * A separate file (not an inline <script>) because the CSP forbids inline script. */
"use strict";
window.addEventListener("DOMContentLoaded", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null, // the default validator is an external service: never call it
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});

// One strict policy for the renderer, served both by Electron's app:// protocol and the web host.
// No inline script, no eval, no remote origin: the renderer only talks to its own origin.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'", // pdf.js runs its worker from a built file, not from a blob: URL
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

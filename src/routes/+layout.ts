// A static single-page app: everything runs in the browser, nothing is rendered on a server.
export const prerender = true;
export const ssr = false;

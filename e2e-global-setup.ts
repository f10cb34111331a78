/** Waits until the backend says it is ready, so the first test does not race it. */
export default async function globalSetup() {
  const url =
    process.env.ONRAMP_BACKEND_READY_URL ??
    'http://localhost:7007/.backstage/health/v1/readiness';
  const deadline = Date.now() + 300_000;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) {
        return;
      }
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`The backend did not become ready at ${url}: ${last}`);
}

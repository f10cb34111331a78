import { createApp, SERVICE_NAME } from './app';

const port = Number(process.env.PORT ?? '${{ values.port }}');
const server = createApp();
server.listen(port, () => {
  // eslint-disable-next-line no-console
  console.log(`${SERVICE_NAME} listening on :${port}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

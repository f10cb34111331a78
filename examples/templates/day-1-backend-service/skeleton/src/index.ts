import { createApp, SERVICE_NAME } from './app';

const port = Number(process.env.PORT ?? '${{ values.port }}');
const server = createApp();
// HOST narrows the interface (the local runtime uses 127.0.0.1); default all.
const host = process.env.HOST || undefined;
server.listen(port, host, () => {
  // eslint-disable-next-line no-console
  console.log(`${SERVICE_NAME} listening on ${host ?? ''}:${port}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

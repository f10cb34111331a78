import { readFlags } from './flags.ts';
import { createApp } from './server.ts';

const name = '${{ values.name }}';
const flags = readFlags();
const port = Number(process.env.PORT ?? '8080');
// HOST narrows the interface (the local runtime uses 127.0.0.1); default all.
const host = process.env.HOST || undefined;
const server = createApp({ name, flags });
server.listen(port, host, () => {
  console.log(`${name} listening on ${host ?? ''}:${port}; flags ${JSON.stringify(flags)}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';

/** This machine's IPv4 addresses other than loopback (empty on a machine without a network). */
export const externalAddresses = (): string[] =>
  Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && !address.internal && address.family === 'IPv4')
    .map((address) => address?.address ?? '');

/** Whether a TCP connection to `host:port` is accepted (within 2 s). */
export const reachable = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(2_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });

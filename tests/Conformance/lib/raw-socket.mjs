// A bare graphql-transport-ws socket for the protocol tests the graphql-ws client would
// never produce (bad messages, duplicate ids, early subscribes).
import WebSocket from 'ws';

export const PROTOCOL = 'graphql-transport-ws';

export function openRawSocket(url) {
  const socket = new WebSocket(url, PROTOCOL);
  const inbox = [];
  const waiters = [];
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString());
    const waiter = waiters.shift();
    if (waiter) waiter.resolve(message);
    else inbox.push(message);
  });
  const closed = new Promise((resolve) => {
    socket.on('close', (code, reason) => {
      for (const waiter of waiters.splice(0)) waiter.reject(new Error(`socket closed (${code} ${reason}) while waiting for a message`));
      resolve({ code, reason: reason.toString() });
    });
  });
  const opened = new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return {
    opened,
    closed,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    /** The next message from the server, or a rejection after timeoutMs. */
    next(timeoutMs = 5000) {
      if (inbox.length > 0) return Promise.resolve(inbox.shift());
      return new Promise((resolve, reject) => {
        const waiter = { resolve, reject };
        waiters.push(waiter);
        setTimeout(() => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) {
            waiters.splice(i, 1);
            reject(new Error(`no message within ${timeoutMs} ms`));
          }
        }, timeoutMs).unref();
      });
    },
    /** Messages received so far and not yet taken. */
    pending: () => [...inbox],
    close: () => socket.close(1000),
    terminate: () => socket.terminate(),
  };
}

/** Resolves with the close event, or rejects if the socket is still open after timeoutMs. */
export function closeWithin(raw, timeoutMs) {
  return Promise.race([
    raw.closed,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`socket still open after ${timeoutMs} ms`)), timeoutMs).unref()),
  ]);
}

/** Opens a socket and completes connection_init/connection_ack. */
export async function openAcknowledged(target) {
  const raw = openRawSocket(target.wsUrl);
  await raw.opened;
  raw.send({ type: 'connection_init', payload: target.wsInitPayload });
  const ack = await raw.next();
  if (ack.type !== 'connection_ack') throw new Error(`expected connection_ack, got ${JSON.stringify(ack)}`);
  return raw;
}

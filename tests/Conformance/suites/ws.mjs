// graphql-transport-ws against the server under test: the graphql-ws client for the normal
// flows, raw sockets for every close code. The server side of this contract (the ticks
// subscription, credentials in connection_init) is in README.md, "WebSocket test contract".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { closeWithin, openAcknowledged, openRawSocket } from '../lib/raw-socket.mjs';

const TICKS = (count, intervalMs = 0) => `subscription { ticks(count: ${count}, intervalMs: ${intervalMs}) }`;
const BAD_BEARER = { authorization: 'Bearer conformance-invalid-token' };
const BAD_API_KEY = { apiKey: 'conformance-invalid-key' };
const OPTIONS = { timeout: 30_000 };

function clientFor(target) {
  return createClient({
    url: target.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: target.wsInitPayload,
    retryAttempts: 0,
    lazy: true,
  });
}

/** Runs one operation through the client and collects what the sink saw. */
function collect(client, payload) {
  const values = [];
  return new Promise((resolve) => {
    client.subscribe(payload, {
      next: (value) => values.push(value),
      error: (error) => resolve({ values, error }),
      complete: () => resolve({ values, error: null }),
    });
  });
}

async function expectClose(target, code, script, timeoutMs = 10_000) {
  const raw = openRawSocket(target.wsUrl);
  await raw.opened;
  await script(raw);
  const closed = await closeWithin(raw, timeoutMs);
  assert.equal(closed.code, code, `closed with ${closed.code} "${closed.reason}", expected ${code}`);
}

export function wsSuite(target) {
  describe('graphql-transport-ws with the graphql-ws client', () => {
    test('a subscription delivers every event in order, then completes', OPTIONS, async () => {
      const client = clientFor(target);
      try {
        const { values, error } = await collect(client, { query: TICKS(3) });
        assert.equal(error, null);
        assert.deepEqual(values, [{ data: { ticks: 1 } }, { data: { ticks: 2 } }, { data: { ticks: 3 } }]);
      } finally {
        await client.dispose();
      }
    });

    test('an invalid subscription ends with an error message naming the problem', OPTIONS, async () => {
      const client = clientFor(target);
      try {
        const { values, error } = await collect(client, { query: 'subscription { noSuchField }' });
        assert.deepEqual(values, []);
        assert.ok(Array.isArray(error), `expected the errors of an error message, got ${error}`);
        assert.match(error[0].message, /noSuchField/);
      } finally {
        await client.dispose();
      }
    });

    test('completing from the client stops the stream and leaves the connection usable', OPTIONS, async () => {
      const client = clientFor(target);
      try {
        const seen = [];
        await new Promise((resolve, reject) => {
          const unsubscribe = client.subscribe({ query: TICKS(100, 50) }, {
            next: (value) => {
              seen.push(value.data.ticks);
              if (seen.length === 2) {
                unsubscribe();
                resolve();
              }
            },
            error: reject,
            complete: () => {},
          });
        });
        await sleep(300);
        assert.deepEqual(seen, [1, 2]);
        const again = await collect(client, { query: TICKS(1) });
        assert.deepEqual(again, { values: [{ data: { ticks: 1 } }], error: null });
      } finally {
        await client.dispose();
      }
    });

    test('a query also runs over the socket', OPTIONS, async () => {
      const client = clientFor(target);
      try {
        const { values, error } = await collect(client, { query: '{ __typename }' });
        assert.equal(error, null);
        assert.equal(values.length, 1);
        assert.equal(typeof values[0].data.__typename, 'string');
      } finally {
        await client.dispose();
      }
    });
  });

  describe('graphql-transport-ws on a raw socket', () => {
    test('ping is answered with pong', OPTIONS, async () => {
      const raw = await openAcknowledged(target);
      raw.send({ type: 'ping' });
      assert.equal((await raw.next()).type, 'pong');
      raw.close();
    });

    test('complete from the client stops the events of that id; the socket stays open', OPTIONS, async () => {
      const raw = await openAcknowledged(target);
      raw.send({ id: 'slow', type: 'subscribe', payload: { query: TICKS(100, 50) } });
      assert.deepEqual(await raw.next(), { id: 'slow', type: 'next', payload: { data: { ticks: 1 } } });
      raw.send({ id: 'slow', type: 'complete' });
      await sleep(400);
      // One event may already be on the wire when complete arrives; more means the stream kept running.
      const late = raw.pending().filter((m) => m.id === 'slow');
      assert.ok(late.length <= 1, `server kept sending after complete: ${JSON.stringify(late)}`);
      for (let i = 0; i < late.length; i++) await raw.next();
      raw.send({ id: 'after', type: 'subscribe', payload: { query: TICKS(1) } });
      assert.deepEqual(await raw.next(), { id: 'after', type: 'next', payload: { data: { ticks: 1 } } });
      assert.deepEqual(await raw.next(), { id: 'after', type: 'complete' });
      raw.close();
    });

    test('4400 for a message that is not JSON', OPTIONS, () =>
      expectClose(target, 4400, async (raw) => {
        raw.send({ type: 'connection_init', payload: target.wsInitPayload });
        assert.equal((await raw.next()).type, 'connection_ack');
        raw.send('this is not a graphql-transport-ws message');
      }));

    test('4400 for a message of an unknown type', OPTIONS, () =>
      expectClose(target, 4400, async (raw) => {
        raw.send({ type: 'connection_init', payload: target.wsInitPayload });
        assert.equal((await raw.next()).type, 'connection_ack');
        raw.send({ id: '1', type: 'launch_rockets' });
      }));

    test('4401 for subscribe before connection_ack', OPTIONS, () =>
      expectClose(target, 4401, async (raw) => {
        raw.send({ id: '1', type: 'subscribe', payload: { query: TICKS(1) } });
      }));

    test('4403 for connection_init with a bad bearer token', OPTIONS, () =>
      expectClose(target, 4403, async (raw) => {
        raw.send({ type: 'connection_init', payload: BAD_BEARER });
      }));

    test('4403 for connection_init with a bad api key', OPTIONS, () =>
      expectClose(target, 4403, async (raw) => {
        raw.send({ type: 'connection_init', payload: BAD_API_KEY });
      }));

    test('4408 when connection_init does not arrive in time', { timeout: target.wsInitTimeoutMs + 15_000 }, () =>
      expectClose(target, 4408, async () => {}, target.wsInitTimeoutMs + 5_000));

    test('4409 for a second subscribe with an id that is still running', OPTIONS, () =>
      expectClose(target, 4409, async (raw) => {
        raw.send({ type: 'connection_init', payload: target.wsInitPayload });
        assert.equal((await raw.next()).type, 'connection_ack');
        raw.send({ id: 'twice', type: 'subscribe', payload: { query: TICKS(5, 1000) } });
        raw.send({ id: 'twice', type: 'subscribe', payload: { query: TICKS(5, 1000) } });
      }));

    test('4429 for a second connection_init', OPTIONS, () =>
      expectClose(target, 4429, async (raw) => {
        raw.send({ type: 'connection_init', payload: target.wsInitPayload });
        assert.equal((await raw.next()).type, 'connection_ack');
        raw.send({ type: 'connection_init', payload: target.wsInitPayload });
      }));
  });
}

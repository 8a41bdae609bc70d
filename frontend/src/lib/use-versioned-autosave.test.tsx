import { act, renderHook } from '@testing-library/react';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { ApiError } from '@/api/errors';
import { useVersionedAutosave, type VersionedAutosaveOptions } from './use-versioned-autosave';

type Body = { title: string; summary: string };
type Result = { etag: string };

/** A request the test answers when it wants to. */
function deferred() {
  let resolve!: (value: Result) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<Result>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// The hook holds navigation, which needs a data router: the hook renders inside its only route.
const Slot = createContext<ReactNode>(null);
function SlotOutlet() {
  return <>{useContext(Slot)}</>;
}
let router: ReturnType<typeof createMemoryRouter>;
function RouterWrapper({ children }: { children: ReactNode }) {
  const [r] = useState(() =>
    createMemoryRouter(
      [
        { path: '/form', element: <SlotOutlet /> },
        { path: '/elsewhere', element: <p>elsewhere</p> },
      ],
      { initialEntries: ['/form'] },
    ),
  );
  router = r;
  return (
    <Slot.Provider value={children}>
      <RouterProvider router={r} />
    </Slot.Provider>
  );
}

const baseline: Body = { title: 'A', summary: 'S' };

function setup(overrides: Partial<VersionedAutosaveOptions<Body, Result>> = {}) {
  const requests: { payload: Partial<Body>; ifMatch: string; answer: ReturnType<typeof deferred> }[] = [];
  const save = vi.fn((payload: Partial<Body>, ifMatch: string) => {
    const answer = deferred();
    requests.push({ payload, ifMatch, answer });
    return answer.promise;
  });
  const hook = renderHook((props: { body: Body }) => useVersionedAutosave<Body, Result>({ enabled: true, etag: '"1"', baseline, save, delay: 1000, ...overrides, body: props.body }), {
    initialProps: { body: baseline },
    wrapper: RouterWrapper,
  });
  const type = (body: Body) => hook.rerender({ body });
  return { hook, requests, save, type };
}

const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const answer = (request: { answer: ReturnType<typeof deferred> }, result: Result | ApiError) =>
  act(async () => {
    if (result instanceof ApiError) request.answer.reject(result);
    else request.answer.resolve(result);
    await vi.advanceTimersByTimeAsync(0);
  });

const problem = (status: number, code: string) => new ApiError({ status, code, title: code });

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: false });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useVersionedAutosave', () => {
  it('waits for a quiet time after the last change before saving', async () => {
    const { hook, requests, type } = setup();
    type({ title: 'AB', summary: 'S' });
    expect(hook.result.current.state.kind).toBe('pending');
    await wait(600);
    type({ title: 'ABC', summary: 'S' });
    await wait(600);
    expect(requests).toHaveLength(0);
    await wait(400);
    expect(requests).toHaveLength(1);
    expect(requests[0].payload).toEqual({ title: 'ABC', summary: 'S' });
    expect(requests[0].ifMatch).toBe('"1"');
    expect(hook.result.current.state.kind).toBe('saving');
    await answer(requests[0], { etag: '"2"' });
    expect(hook.result.current.state.kind).toBe('saved');
    expect(hook.result.current.dirty).toBe(false);
    expect(hook.result.current.etag()).toBe('"2"');
  });

  it('sends only the changed, unblocked fields when partial', async () => {
    const { hook, requests, type } = setup({ partial: true, blocked: new Set(['summary']) });
    type({ title: 'AB', summary: 'too long' });
    await wait(1000);
    expect(requests[0].payload).toEqual({ title: 'AB' });
    await answer(requests[0], { etag: '"2"' });
    // The held-back field keeps the form unsaved.
    expect(hook.result.current.state.kind).toBe('blocked');
    expect(hook.result.current.dirty).toBe(true);
  });

  it('keeps one request in flight and sends changes made meanwhile afterwards, with the new ETag', async () => {
    const { hook, requests, type } = setup();
    type({ title: 'AB', summary: 'S' });
    await wait(1000);
    expect(requests).toHaveLength(1);
    type({ title: 'ABC', summary: 'S' });
    await wait(5000);
    // Still one: the second waits for the first.
    expect(requests).toHaveLength(1);
    // The save that waited for it goes out as soon as the first is answered.
    await answer(requests[0], { etag: '"2"' });
    expect(requests).toHaveLength(2);
    expect(requests[1].payload).toEqual({ title: 'ABC', summary: 'S' });
    expect(requests[1].ifMatch).toBe('"2"');
    await answer(requests[1], { etag: '"3"' });
    expect(hook.result.current.state.kind).toBe('saved');
  });

  it.each([
    ['a 412', problem(412, 'precondition_failed')],
    ['a version_mismatch problem', problem(400, 'version_mismatch')],
  ])('treats %s as a conflict and stops saving', async (_name, error) => {
    const { hook, requests, type } = setup();
    type({ title: 'AB', summary: 'S' });
    await wait(1000);
    await answer(requests[0], error);
    expect(hook.result.current.state.kind).toBe('conflict');
    type({ title: 'ABC', summary: 'S' });
    await wait(5000);
    expect(requests).toHaveLength(1);
    expect(hook.result.current.state.kind).toBe('conflict');
    expect(await act(() => hook.result.current.flush())).toBe(false);
  });

  it('treats a 409 as locked and a 400 as rejected fields', async () => {
    const onRejected = vi.fn();
    const { hook, requests, type } = setup({ onRejected });
    type({ title: 'AB', summary: 'S' });
    await wait(1000);
    await answer(requests[0], problem(400, 'validation_failed'));
    expect(hook.result.current.state.kind).toBe('error');
    expect(onRejected).toHaveBeenCalledTimes(1);
    await act(async () => {
      void hook.result.current.retry();
      await vi.advanceTimersByTimeAsync(0);
    });
    await answer(requests[1], problem(409, 'review_locked'));
    expect(hook.result.current.state.kind).toBe('locked');
  });

  it('overwrites with the latest ETag after a conflict', async () => {
    const { hook, requests, type } = setup();
    type({ title: 'Mine', summary: 'S' });
    await wait(1000);
    await answer(requests[0], problem(412, 'precondition_failed'));
    await act(async () => {
      void hook.result.current.overwrite('"7"', { title: 'Theirs', summary: 'S' });
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(requests).toHaveLength(2);
    expect(requests[1].ifMatch).toBe('"7"');
    expect(requests[1].payload).toEqual({ title: 'Mine', summary: 'S' });
    await answer(requests[1], { etag: '"8"' });
    expect(hook.result.current.state.kind).toBe('saved');
  });

  it('starts over from a reloaded version on rebase', async () => {
    const { hook, requests, type } = setup();
    type({ title: 'Mine', summary: 'S' });
    await wait(1000);
    await answer(requests[0], problem(412, 'precondition_failed'));
    act(() => hook.result.current.rebase({ title: 'Theirs', summary: 'S' }, '"7"'));
    type({ title: 'Theirs', summary: 'S' });
    expect(hook.result.current.state.kind).toBe('idle');
    expect(hook.result.current.dirty).toBe(false);
    type({ title: 'Theirs!', summary: 'S' });
    await wait(1000);
    expect(requests[1].ifMatch).toBe('"7"');
  });

  describe('leave guard', () => {
    const unloadWarns = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };

    it('lets navigation through when nothing is unsaved', async () => {
      setup();
      expect(unloadWarns()).toBe(false);
      await act(() => router.navigate('/elsewhere'));
      expect(router.state.location.pathname).toBe('/elsewhere');
    });

    it('saves first when leaving with unsaved text, then goes on', async () => {
      const { requests, type } = setup();
      type({ title: 'AB', summary: 'S' });
      expect(unloadWarns()).toBe(true);
      await act(async () => {
        void router.navigate('/elsewhere');
        await vi.advanceTimersByTimeAsync(0);
      });
      expect(router.state.location.pathname).toBe('/form');
      expect(requests).toHaveLength(1);
      await answer(requests[0], { etag: '"2"' });
      expect(router.state.location.pathname).toBe('/elsewhere');
    });

    it('asks when saving first is not possible, and stays or goes as told', async () => {
      const { hook, requests, type } = setup();
      type({ title: 'AB', summary: 'S' });
      await wait(1000);
      await answer(requests[0], problem(412, 'precondition_failed'));
      await act(async () => {
        void router.navigate('/elsewhere');
        await vi.advanceTimersByTimeAsync(0);
      });
      expect(hook.result.current.leave.asking).toBe(true);
      act(() => hook.result.current.leave.stay());
      expect(hook.result.current.leave.asking).toBe(false);
      expect(router.state.location.pathname).toBe('/form');
      await act(async () => {
        void router.navigate('/elsewhere');
        await vi.advanceTimersByTimeAsync(0);
      });
      expect(hook.result.current.leave.asking).toBe(true);
      act(() => hook.result.current.leave.go());
      expect(router.state.location.pathname).toBe('/elsewhere');
    });

    it('is off when not wanted', async () => {
      const { type } = setup({ leaveGuard: false });
      type({ title: 'AB', summary: 'S' });
      expect(unloadWarns()).toBe(false);
      await act(() => router.navigate('/elsewhere'));
      expect(router.state.location.pathname).toBe('/elsewhere');
    });
  });
});

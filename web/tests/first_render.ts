// preact/hooks for a component rendered once, without a DOM: each hook gives
// its first value. A test mocks the module with it:
//   vi.mock('preact/hooks', () => import('./first_render'));
export const useState = <T>(v: T | (() => T)) => [typeof v === 'function' ? (v as () => T)() : v, () => {}];
export const useEffect = () => {};
export const useLayoutEffect = () => {};
export const useRef = <T>(v: T) => ({ current: v });
export const useMemo = <T>(f: () => T) => f();
export const useCallback = <T>(f: T) => f;
export const useId = () => 'id';
export const useContext = () => undefined;

// Public API of the places module.
export { normalisePlaceName, resolvePlace } from './resolve.ts';

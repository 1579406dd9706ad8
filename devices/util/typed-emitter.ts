/** The one typed emitter lives in contract/ so every layer can use it. */
export * from '../../contract/typed-emitter.js';

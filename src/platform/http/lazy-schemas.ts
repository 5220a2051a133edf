// Fastify compiles every route's validator (Ajv) and serializer (fast-json-stringify) before the server listens:
// for Ponte's 150-odd routes, about a third of a later start. These factories wrap Fastify's own and compile a
// route's schema the first time a request needs it (a few milliseconds, once), so a start pays only for what
// runs. The compiled functions are Fastify's own; a test compiles every route's schemas, so that a broken one
// still fails before it ships and not at its first request.
import ajvCompiler from '@fastify/ajv-compiler';
import serializerCompiler from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type Fn = (...args: unknown[]) => unknown;
type Factory = (...args: unknown[]) => (route: unknown) => Fn;

/** A validator that compiles on its first call; it passes Ajv's context on, so coercion still reaches the root. */
function lazyValidator(compile: () => Fn & { errors?: unknown }): Fn {
  let compiled: (Fn & { errors?: unknown }) | undefined;
  const validate = Object.assign(
    (data: unknown, context: unknown) => {
      compiled ??= compile();
      const result = compiled(data, context);
      validate.errors = compiled.errors;
      return result;
    },
    // Fastify hands the parent object to a validator that has a schemaEnv (Ajv's own functions do).
    { schemaEnv: true as const, errors: undefined as unknown },
  );
  return validate;
}

function lazySerializer(compile: () => Fn): Fn {
  let compiled: Fn | undefined;
  return (data: unknown) => {
    compiled ??= compile();
    return compiled(data);
  };
}

/** The `schemaController` option of Fastify: its default compilers, compiled on first use. */
export function lazySchemaCompilers(): NonNullable<FastifyServerOptions['schemaController']> {
  const buildValidator = (ajvCompiler as unknown as () => Factory)();
  const buildSerializer = (serializerCompiler as unknown as () => Factory)();
  return {
    compilersFactory: {
      buildValidator: ((...args: unknown[]) => {
        const compileFor = buildValidator(...args);
        return (route: unknown) => lazyValidator(() => compileFor(route) as Fn & { errors?: unknown });
      }) as never,
      buildSerializer: ((...args: unknown[]) => {
        const compileFor = buildSerializer(...args);
        return (route: unknown) => lazySerializer(() => compileFor(route));
      }) as never,
    },
  };
}

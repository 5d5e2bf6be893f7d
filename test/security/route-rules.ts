import type { INestApplicationContext, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { Role } from '@grif/domain';
import { IS_PUBLIC } from '../../apps/api/src/auth/public.decorator';
import { ANY_USER_KEY, ROLES_KEY } from '../../apps/api/src/auth/roles.decorator';

/** Who may reach a route, as its decorators say (the handler's decorator overrides the controller's). */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'roles'; roles: Role[] }
  | { kind: 'any_user'; why: string }
  /** No decorator at all: the access-matrix test fails on it. */
  | { kind: 'none' };

export interface RouteInfo {
  method: string;
  /** Express style, e.g. `/api/documents/:id/events`. */
  path: string;
  controller: string;
  handler: string;
  rule: AccessRule;
}

const join = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');

/** The access rule one handler of one controller carries. */
export function ruleOf(controller: Type<unknown>, handler: (...args: unknown[]) => unknown): AccessRule {
  const reflector = new Reflector();
  const targets = [handler, controller];
  if (reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return { kind: 'public' };
  const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
  if (roles) return { kind: 'roles', roles };
  const why = reflector.getAllAndOverride<string | undefined>(ANY_USER_KEY, targets);
  if (why !== undefined && why.trim() !== '') return { kind: 'any_user', why };
  return { kind: 'none' };
}

/**
 * Every route of every controller of a started Nest application, read from the same metadata the router
 * reads (PATH_METADATA, METHOD_METADATA), so a route added tomorrow is in the list without anyone naming it.
 */
export function routesOf(app: INestApplicationContext): RouteInfo[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as Type<unknown> | undefined;
    if (!controller?.prototype) continue;
    const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '/');
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, (...args: unknown[]) => unknown>)[name];
      const paths: string | string[] | undefined = Reflect.getMetadata(PATH_METADATA, handler);
      if (paths === undefined) continue; // not a route handler
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      for (const b of base)
        for (const p of ([] as string[]).concat(paths))
          routes.push({
            method,
            path: join(b, p),
            controller: controller.name,
            handler: name,
            rule: ruleOf(controller, handler),
          });
    }
  }
  return routes;
}

/** The routes that carry no access rule: `METHOD /path (Controller.handler)`. */
export function routesWithoutRule(routes: RouteInfo[]): string[] {
  return routes
    .filter((r) => r.rule.kind === 'none')
    .map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`);
}

import { Controller, Get, Post, Put } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Public } from '../../apps/api/src/auth/public.decorator';
import { AnyUser, Roles } from '../../apps/api/src/auth/roles.decorator';
import { routesOf, routesWithoutRule } from './route-rules';

@Controller('api/fake')
class FakeController {
  @Public()
  @Get('open')
  open() {}

  @Roles('director')
  @Put('settings')
  settings() {}

  @AnyUser('each sees their own')
  @Get(':id')
  one() {}

  /** Forgotten: nothing says who may reach it. */
  @Post(':id/forgotten')
  forgotten() {}

  /** A reason that says nothing is no rule. */
  @AnyUser(' ')
  @Get()
  blank() {}

  helper() {}
}

@Roles('auditor')
@Controller('api/fake-audit')
class FakeAuditController {
  /** The controller's @Roles covers every handler. */
  @Get('verify')
  verify() {}
}

describe('the access-rule check of the access matrix', () => {
  it('finds every route of a controller and names those without @Public, @Roles or @AnyUser', async () => {
    const app = await Test.createTestingModule({ controllers: [FakeController, FakeAuditController] }).compile();
    const routes = routesOf(app);
    expect(routes.map((r) => `${r.method} ${r.path} ${r.rule.kind}`).sort()).toEqual([
      'GET /api/fake none',
      'GET /api/fake-audit/verify roles',
      'GET /api/fake/:id any_user',
      'GET /api/fake/open public',
      'POST /api/fake/:id/forgotten none',
      'PUT /api/fake/settings roles',
    ]);
    expect(routesWithoutRule(routes).sort()).toEqual([
      'GET /api/fake (FakeController.blank)',
      'POST /api/fake/:id/forgotten (FakeController.forgotten)',
    ]);
    expect(routes.find((r) => r.handler === 'verify')!.rule).toEqual({ kind: 'roles', roles: ['auditor'] });
    await app.close();
  });
});

import { Body, Controller, Get, Headers, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { documentEventSchemas, registerDocumentSchema } from '@grif/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { DocumentsService } from './documents.service';
import { eventPayloadSchemas } from './event-schemas';
import { answer as registerAnswer } from '../registers/register-answer';
import { RegistersService } from '../registers/registers.service';

/** OpenAPI: one body per event type, `type` naming it, the rest its payload. */
const eventBodySchema = {
  oneOf: Object.keys(documentEventSchemas).map((type) => ({
    allOf: [{ type: 'object', required: ['type'], properties: { type: { const: type } } }, eventPayloadSchemas[type]],
  })),
};

@ApiTags('documents')
@ApiBearerAuth()
@Controller('api/documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly registers: RegistersService,
  ) {}

  @Post()
  @ApiBody({ schema: z.toJSONSchema(registerDocumentSchema) as object })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async register(@Req() req: AuthedRequest, @Body() body: unknown, @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) res: Response) {
    const out = await this.documents.register(req.auth.actor, body, key);
    res.status(out.status);
    return out.body;
  }

  @Get()
  async list(@Req() req: AuthedRequest, @Query() q: Record<string, string>, @Res({ passthrough: true }) res: Response) {
    return registerAnswer(res, 'registration', await this.registers.documents(req.auth.actor, q));
  }

  @Get(':id/holder-at')
  holderAt(@Req() req: AuthedRequest, @Param('id') id: string, @Query('at') at: string) {
    return this.registers.holderAt(req.auth.actor, id, at);
  }

  @Get(':id')
  get(@Req() req: AuthedRequest, @Param('id') id: string) {
    return this.documents.get(req.auth.actor, id);
  }

  @Post(':id/events')
  @ApiBody({ schema: eventBodySchema as object })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the version you read; 409 if it moved on' })
  async send(
    @Req() req: AuthedRequest,
    @Param('id') id: string,
    @Body() body: Record<string, unknown> | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { type, ...payload } = body ?? {};
    const out = await this.documents.send(req.auth.actor, id, { type: type as string, payload, idempotencyKey, ifMatch });
    res.status(out.status);
    return { state: out.body.state, version: out.body.version };
  }

  @Get(':id/history')
  history(@Req() req: AuthedRequest, @Param('id') id: string) {
    return this.documents.history(req.auth.actor, id);
  }
}

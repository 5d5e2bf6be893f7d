import { Body, Controller, Get, Headers, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { documentEventSchemas, registerDocumentSchema } from '@grif/contracts';
import type { Actor } from '@grif/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { READERS, Roles } from '../auth/roles.decorator';
import { AnswerStatus } from '../http/answer-status';
import { DocumentsService } from './documents.service';
import { eventPayloadSchemas } from './event-schemas';
import { registerAnswer } from '../registers/register-answer';
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
  @UseInterceptors(AnswerStatus)
  @ApiBody({ schema: z.toJSONSchema(registerDocumentSchema) as object })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  register(@CurrentActor() actor: Actor, @Body() body: unknown, @Headers('idempotency-key') key: string | undefined) {
    return this.documents.register(actor, body, key);
  }

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() q: Record<string, string>) {
    return registerAnswer('registration', await this.registers.documents(actor, q));
  }

  @Get(':id/holder-at')
  @Roles(...READERS)
  holderAt(@CurrentActor() actor: Actor, @Param('id') id: string, @Query('at') at: string) {
    return this.registers.holderAt(actor, id, at);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.documents.get(actor, id);
  }

  @Post(':id/events')
  @UseInterceptors(AnswerStatus)
  @ApiBody({ schema: eventBodySchema as object })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the version you read; 409 if it moved on' })
  send(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: Record<string, unknown> | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    const { type, ...payload } = body ?? {};
    return this.documents.send(actor, id, { type: type as string, payload, idempotencyKey, ifMatch });
  }

  @Get(':id/history')
  history(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.documents.history(actor, id);
  }
}

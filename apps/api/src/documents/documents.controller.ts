import { Body, Controller, Get, Headers, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { documentEventSchemas, registerDocumentSchema } from '@grif/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { DocumentsService } from './documents.service';

const eventBodySchema = z.union(
  Object.entries(documentEventSchemas).map(([type, schema]) => schema.extend({ type: z.literal(type) })) as unknown as [z.ZodType, z.ZodType],
);

@ApiTags('documents')
@ApiBearerAuth()
@Controller('api/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @ApiBody({ schema: z.toJSONSchema(registerDocumentSchema) as object })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async register(@Req() req: AuthedRequest, @Body() body: unknown, @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) res: Response) {
    const out = await this.documents.register(req.auth.actor, body, key);
    res.status(out.status);
    return out.body;
  }

  @Get(':id')
  get(@Req() req: AuthedRequest, @Param('id') id: string) {
    return this.documents.get(req.auth.actor, id);
  }

  @Post(':id/events')
  @ApiBody({ schema: z.toJSONSchema(eventBodySchema) as object })
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

import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  cabinetViewSchema, clearanceViewSchema, createCabinetSchema, createFileSchema, createRoomSchema, mediaViewSchema, nomenclatureFileViewSchema, personViewSchema,
  recordClearanceSchema, registerMediaSchema, roomViewSchema,
} from '@grif/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { ApiAnswer, ApiErrors, ApiJsonBody } from '../http/api-contract';
import { RecordsOfficeService } from './records-office.service';

@ApiTags('records office')
@ApiBearerAuth()
@Controller('api')
export class RecordsOfficeController {
  constructor(private readonly office: RecordsOfficeService) {}

  @Get('rooms')
  @ApiAnswer(200, roomViewSchema.array(), 'The rooms of the school with their cabinets, by name.')
  @ApiErrors(401, 403)
  rooms(@Req() req: AuthedRequest) {
    return this.office.rooms(req.auth.actor);
  }

  @Post('rooms')
  @ApiJsonBody(createRoomSchema)
  @ApiAnswer(201, roomViewSchema, 'Created (records clerk, information-security officer).')
  @ApiErrors(400, 401, 403)
  createRoom(@Req() req: AuthedRequest, @Body() body: unknown) {
    return this.office.createRoom(req.auth.actor, body);
  }

  @Post('rooms/:id/cabinets')
  @ApiJsonBody(createCabinetSchema)
  @ApiAnswer(201, cabinetViewSchema, 'Created in that room.')
  @ApiErrors(400, 401, 403, 404)
  createCabinet(@Req() req: AuthedRequest, @Param('id') id: string, @Body() body: unknown) {
    return this.office.createCabinet(req.auth.actor, id, body);
  }

  @Get('nomenclature')
  @ApiAnswer(200, nomenclatureFileViewSchema.array(), 'The nomenclature of files, newest year first.')
  @ApiErrors(401, 403)
  nomenclature(@Req() req: AuthedRequest) {
    return this.office.nomenclature(req.auth.actor);
  }

  @Post('nomenclature')
  @ApiJsonBody(createFileSchema)
  @ApiAnswer(201, nomenclatureFileViewSchema, 'Created (records clerk).')
  @ApiErrors(400, 401, 403)
  createFile(@Req() req: AuthedRequest, @Body() body: unknown) {
    return this.office.createFile(req.auth.actor, body);
  }

  @Get('people')
  @ApiAnswer(200, personViewSchema.array(), 'Everyone of the school with their roles and clearances (R-2.5).')
  @ApiErrors(401, 403)
  people(@Req() req: AuthedRequest) {
    return this.office.people(req.auth.actor);
  }

  @Post('people/:id/clearances')
  @ApiJsonBody(recordClearanceSchema)
  @ApiAnswer(201, clearanceViewSchema, 'Recorded (information-security officer, R-2.5).')
  @ApiErrors(400, 401, 403, 404)
  recordClearance(@Req() req: AuthedRequest, @Param('id') id: string, @Body() body: unknown) {
    return this.office.recordClearance(req.auth.actor, id, body);
  }

  @Get('media')
  @ApiAnswer(200, mediaViewSchema.array(), 'Registered removable media, newest first (R-3).')
  @ApiErrors(401, 403)
  media(@Req() req: AuthedRequest) {
    return this.office.media(req.auth.actor);
  }

  @Post('media')
  @ApiJsonBody(registerMediaSchema)
  @ApiAnswer(201, mediaViewSchema, 'Registered (records clerk, information-security officer).')
  @ApiErrors(400, 401, 403, 422)
  registerMedia(@Req() req: AuthedRequest, @Body() body: unknown) {
    return this.office.registerMedia(req.auth.actor, body);
  }
}

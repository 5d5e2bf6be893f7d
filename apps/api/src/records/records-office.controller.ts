import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@grif/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CitesRule, CLERK_OR_SECURITY, READERS, Roles } from '../auth/roles.decorator';
import {
  cabinetViewSchema,
  clearanceViewSchema,
  createCabinetSchema,
  createFileSchema,
  createRoomSchema,
  mediaViewSchema,
  nomenclatureFileViewSchema,
  personNameSchema,
  personViewSchema,
  recordClearanceSchema,
  registerMediaSchema,
  revokeClearanceSchema,
  roomViewSchema,
  setEmailSchema,
} from '@grif/contracts';
import { ApiAnswer, ApiErrors, ApiJsonBody } from '../http/api-contract';
import { RecordsOfficeService } from './records-office.service';

@ApiTags('records office')
@ApiBearerAuth()
@Controller('api')
export class RecordsOfficeController {
  constructor(private readonly office: RecordsOfficeService) {}

  @Get('rooms')
  @Roles(...READERS)
  @ApiAnswer(200, roomViewSchema.array(), 'The rooms of the school with their cabinets, by name.')
  @ApiErrors(401, 403)
  rooms(@CurrentActor() actor: Actor) {
    return this.office.rooms(actor);
  }

  @Post('rooms')
  @Roles(...CLERK_OR_SECURITY)
  @ApiJsonBody(createRoomSchema)
  @ApiAnswer(201, roomViewSchema, 'Created (records clerk, information-security officer).')
  @ApiErrors(400, 401, 403)
  createRoom(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.office.createRoom(actor, body);
  }

  @Post('rooms/:id/cabinets')
  @Roles(...CLERK_OR_SECURITY)
  @ApiJsonBody(createCabinetSchema)
  @ApiAnswer(201, cabinetViewSchema, 'Created in that room.')
  @ApiErrors(400, 401, 403, 404)
  createCabinet(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.office.createCabinet(actor, id, body);
  }

  @Get('nomenclature')
  @Roles(...READERS)
  @ApiAnswer(200, nomenclatureFileViewSchema.array(), 'The nomenclature of files, newest year first.')
  @ApiErrors(401, 403)
  nomenclature(@CurrentActor() actor: Actor) {
    return this.office.nomenclature(actor);
  }

  @Post('nomenclature')
  @Roles('records_clerk')
  @ApiJsonBody(createFileSchema)
  @ApiAnswer(201, nomenclatureFileViewSchema, 'Created (records clerk).')
  @ApiErrors(400, 401, 403, 409)
  createFile(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.office.createFile(actor, body);
  }

  @Get('people/names')
  @Roles(...READERS, 'tech_support')
  @ApiAnswer(
    200,
    personNameSchema.array(),
    'Everyone who may sign in, by name: pickers of support (a breach reported for someone).',
  )
  @ApiErrors(401, 403)
  names(@CurrentActor() actor: Actor) {
    return this.office.names(actor);
  }

  @Get('people')
  @Roles(...READERS)
  @ApiAnswer(200, personViewSchema.array(), 'Everyone of the school with their roles and clearances (R-2.5).')
  @ApiErrors(401, 403)
  people(@CurrentActor() actor: Actor) {
    return this.office.people(actor);
  }

  /** only the information-security officer records obligations and briefings. */
  @Post('people/:id/clearances')
  @Roles('security_officer')
  @CitesRule('R-2.5')
  @ApiJsonBody(recordClearanceSchema)
  @ApiAnswer(201, clearanceViewSchema, 'Recorded (information-security officer, R-2.5).')
  @ApiErrors(400, 401, 403, 404)
  recordClearance(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.office.recordClearance(actor, id, body);
  }

  /** The information-security officer keeps the People page; the administrator keeps the accounts. */
  @Put('people/:id/email')
  @Roles('security_officer', 'admin')
  @ApiJsonBody(setEmailSchema)
  @ApiAnswer(200, personViewSchema, 'Saved: notifications are also e-mailed there (null: the in-app inbox only).')
  @ApiErrors(400, 401, 403, 404)
  setEmail(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.office.setEmail(actor, id, body);
  }

  /**
   * access is given after the obligation and the security specialist's briefing, and whoever handles
   * confidential information is supervised; ending that access is the supervisor's act: the information-security
   * officer's, or the director's (R-2.3: the administration orders how confidential information is protected).
   * The records clerk issues documents and may not decide who is cleared.
   */
  @Post('people/:id/clearances/revocations')
  @Roles('security_officer', 'director')
  @CitesRule('R-2.5')
  @ApiJsonBody(revokeClearanceSchema)
  @ApiAnswer(201, clearanceViewSchema, 'Revoked from that day on, with the reason (R-2.5).')
  @ApiErrors(400, 401, 403, 404, 409)
  revokeClearance(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.office.revokeClearance(actor, id, body);
  }

  @Get('media')
  @Roles(...READERS)
  @ApiAnswer(200, mediaViewSchema.array(), 'Registered removable media, newest first (R-3).')
  @ApiErrors(401, 403)
  media(@CurrentActor() actor: Actor) {
    return this.office.media(actor);
  }

  @Post('media')
  @Roles(...CLERK_OR_SECURITY)
  @ApiJsonBody(registerMediaSchema)
  @ApiAnswer(201, mediaViewSchema, 'Registered (records clerk, information-security officer).')
  @ApiErrors(400, 401, 403, 422)
  registerMedia(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.office.registerMedia(actor, body);
  }
}

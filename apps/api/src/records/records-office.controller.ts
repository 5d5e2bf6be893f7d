import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@grif/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CitesRule, CLERK_OR_SECURITY, READERS, Roles } from '../auth/roles.decorator';
import { RecordsOfficeService } from './records-office.service';

@ApiTags('records office')
@ApiBearerAuth()
@Controller('api')
export class RecordsOfficeController {
  constructor(private readonly office: RecordsOfficeService) {}

  @Get('rooms')
  @Roles(...READERS)
  rooms(@CurrentActor() actor: Actor) {
    return this.office.rooms(actor);
  }

  @Post('rooms')
  @Roles(...CLERK_OR_SECURITY)
  createRoom(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.office.createRoom(actor, body);
  }

  @Post('rooms/:id/cabinets')
  @Roles(...CLERK_OR_SECURITY)
  createCabinet(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.office.createCabinet(actor, id, body);
  }

  @Get('nomenclature')
  @Roles(...READERS)
  nomenclature(@CurrentActor() actor: Actor) {
    return this.office.nomenclature(actor);
  }

  @Post('nomenclature')
  @Roles('records_clerk')
  createFile(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.office.createFile(actor, body);
  }

  @Get('people')
  @Roles(...READERS)
  people(@CurrentActor() actor: Actor) {
    return this.office.people(actor);
  }

  /** only the information-security officer records obligations and briefings. */
  @Post('people/:id/clearances')
  @Roles('security_officer')
  @CitesRule('R-2.5')
  recordClearance(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.office.recordClearance(actor, id, body);
  }

  @Get('media')
  @Roles(...READERS)
  media(@CurrentActor() actor: Actor) {
    return this.office.media(actor);
  }

  @Post('media')
  @Roles(...CLERK_OR_SECURITY)
  registerMedia(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.office.registerMedia(actor, body);
  }
}

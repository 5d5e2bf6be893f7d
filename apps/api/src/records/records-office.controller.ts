import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthedRequest } from '../auth/auth.guard';
import { RecordsOfficeService } from './records-office.service';

@ApiTags('records office')
@ApiBearerAuth()
@Controller('api')
export class RecordsOfficeController {
  constructor(private readonly office: RecordsOfficeService) {}

  @Get('rooms')
  rooms(@Req() req: AuthedRequest) {
    return this.office.rooms(req.auth.actor);
  }

  @Post('rooms')
  createRoom(@Req() req: AuthedRequest, @Body() body: unknown) {
    return this.office.createRoom(req.auth.actor, body);
  }

  @Post('rooms/:id/cabinets')
  createCabinet(@Req() req: AuthedRequest, @Param('id') id: string, @Body() body: unknown) {
    return this.office.createCabinet(req.auth.actor, id, body);
  }

  @Get('nomenclature')
  nomenclature(@Req() req: AuthedRequest) {
    return this.office.nomenclature(req.auth.actor);
  }

  @Post('nomenclature')
  createFile(@Req() req: AuthedRequest, @Body() body: unknown) {
    return this.office.createFile(req.auth.actor, body);
  }

  @Get('people')
  people(@Req() req: AuthedRequest) {
    return this.office.people(req.auth.actor);
  }

  @Post('people/:id/clearances')
  recordClearance(@Req() req: AuthedRequest, @Param('id') id: string, @Body() body: unknown) {
    return this.office.recordClearance(req.auth.actor, id, body);
  }

  @Get('media')
  media(@Req() req: AuthedRequest) {
    return this.office.media(req.auth.actor);
  }

  @Post('media')
  registerMedia(@Req() req: AuthedRequest, @Body() body: unknown) {
    return this.office.registerMedia(req.auth.actor, body);
  }
}

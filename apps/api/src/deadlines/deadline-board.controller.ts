import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { deadlineBoardSchema } from '@grif/contracts';
import type { Actor } from '@grif/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiAnswer, ApiErrors } from '../http/api-contract';
import { DeadlineBoardService } from './deadline-board.service';

/** Those who chase what is out: the records clerk, the information-security officer, and the director above them. */
@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('api/deadlines')
export class DeadlineBoardController {
  constructor(private readonly board: DeadlineBoardService) {}

  @Get('board')
  @Roles('records_clerk', 'security_officer', 'director')
  @ApiAnswer(
    200,
    deadlineBoardSchema,
    "Documents out and late, and those due back before today ends on the school's calendar (Asia/Bishkek).",
  )
  @ApiErrors(401, 403)
  today(@CurrentActor() actor: Actor) {
    return this.board.today(actor);
  }
}

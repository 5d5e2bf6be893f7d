import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@grif/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { READERS, Roles } from '../auth/roles.decorator';
import { registerAnswer } from './register-answer';
import { RegistersService } from './registers.service';

@ApiTags('registers')
@ApiBearerAuth()
@Controller('api/registers')
export class RegistersController {
  constructor(private readonly registers: RegistersService) {}

  /** Open to all: staff see only what is issued to them (the service narrows it). */
  @Get('registration')
  async registration(@CurrentActor() actor: Actor, @Query() q: Record<string, string>) {
    return registerAnswer('registration', await this.registers.documents(actor, { sort: 'regNumber', ...q }));
  }

  @Get('issues')
  @Roles(...READERS)
  async issues(@CurrentActor() actor: Actor, @Query() q: Record<string, string>) {
    return registerAnswer('issues', await this.registers.issues(actor, q));
  }

  @Get('copies')
  @Roles(...READERS)
  async copies(@CurrentActor() actor: Actor, @Query() q: Record<string, string>) {
    return registerAnswer('copies', await this.registers.copies(actor, q));
  }

  @Get('carriers')
  @Roles(...READERS)
  async carriers(@CurrentActor() actor: Actor, @Query() q: Record<string, string>) {
    return registerAnswer('carriers', await this.registers.carriers(actor, q));
  }
}

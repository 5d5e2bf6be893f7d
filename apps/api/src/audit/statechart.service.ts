import { Injectable } from '@nestjs/common';
import type { StatechartAnswer } from '@grif/contracts';
import type { Actor } from '@grif/domain';
import { WorkflowRegistry } from '@grif/engine';
import { extractStatechart, pathTaken } from './statechart';
import { TimelineService } from './timeline.service';

/** An instance's machine as its definition has it (the version the instance runs), with the path its history took. */
@Injectable()
export class StatechartService {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly timelines: TimelineService,
  ) {}

  async chart(actor: Actor, id: string): Promise<StatechartAnswer> {
    const inst = await this.timelines.instance(actor, id);
    const def = this.registry.get(inst.machineId, inst.machineVersion);
    const chart = extractStatechart(def.machine);
    const marks = pathTaken(chart, await this.timelines.history(actor, id), inst.state);
    return { machine: inst.machineId, version: inst.machineVersion, ...chart, ...marks };
  }
}

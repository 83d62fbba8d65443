package org.haxlab.app.vm.training;

import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.train.TaskSpec;
import org.haxlab.model.train.TrainingConfig;

/**
 * Everything a run is built from, validated: the model, the optimiser settings, the task grid and the
 * size of the held-out split.
 *
 * @param model      the model's configuration ({@code initSeed} = the run's seed)
 * @param training   optimiser, schedule and validation settings ({@code seed} = the run's seed)
 * @param task       the joint-recall grid (spec §1)
 * @param valSamples held-out sequences (0 when validation is off)
 */
public record TrainingPlan(ModelConfig model, TrainingConfig training, TaskSpec task, int valSamples) {

    public TrainingPlan {
        if (model == null || training == null || task == null) {
            throw new IllegalArgumentException("training plan: model, training and task are required");
        }
        if (training.validateEvery() > 0 && valSamples < 1) {
            throw new IllegalArgumentException("val samples: " + valSamples + " must be >= 1 while validating every "
                    + training.validateEvery() + " steps (or set validate every to 0)");
        }
    }
}

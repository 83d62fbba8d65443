package org.haxlab.model.train;

import ai.djl.Device;
import org.haxlab.model.nd.HostReads;
import org.haxlab.model.nd.ManagedTest;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.nn.HaxModel;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A training step reads nothing back from the device unless it reports (docs/GPU.md): between two report points
 * the only read is the report step's single combined read of loss, its parts, gradient norm and accuracy. Padded
 * batches of varying length, both attention paths, the selection on the device.
 */
class HostReadsInStepTest extends ManagedTest {

    @ParameterizedTest
    @CsvSource({"hax, DENSE", "hax, SPARSE", "swd, SPARSE", "lsh, AUTO", "ssm, AUTO"})
    void stepsBetweenReportsReadNothing(String pattern, SparseConfig.AttentionPath path) {
        SparseConfig sparse = SparseConfig.paper(Pattern.parse(pattern)).withBudget(8).withPath(path);
        try (HaxModel model = new HaxModel(ModelConfig.paper(Backbone.MAMBA2, sparse, 4L), manager, Device.cpu())) {
            Trainer t = new Trainer(model, Fixtures.config(12, 1e-3), new RecallFixture(Fixtures.SPEC), List.of())
                    .reportEvery(4);
            List<long[]> reads = new ArrayList<>();
            t.addListener(new TrainingListener() {
                @Override
                public void onStep(StepEvent e) {
                    reads.add(new long[] {e.step(), HostReads.onThisThread()});
                }
            });
            RunSummary s = t.run();
            assertEquals(RunState.FINISHED, s.state(), s.message());
            assertEquals(3, reads.size(), "steps 4, 8 and 12 report");
            assertEquals(4, reads.get(0)[0]);
            // steps 5..8: three silent steps and one report = exactly one read
            assertEquals(1, reads.get(1)[1] - reads.get(0)[1], "reads in steps 5..8");
            assertEquals(1, reads.get(2)[1] - reads.get(1)[1], "reads in steps 9..12");
        }
    }
}

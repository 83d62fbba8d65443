package org.haxlab.app.bench;

import org.haxlab.model.engine.NativeAllocator;
import org.haxlab.model.sparse.Pattern;

import java.util.List;

/**
 * Entry point of a child JVM that measures one attention case and prints its rows as
 * {@code ROW<TAB>...} lines ({@link AttentionRow#childLine()}), so each case starts from a fresh process
 * and its resident-set peak is its own. Not meant to be run by hand; {@link ChildJvm} starts it.
 *
 * <p>Arguments: pattern length path passes batch dInner dState warmup repetitions threads passSeconds, where
 * passes is {@code fwd}, {@code fwd+bwd} or {@code both}.
 */
public final class CaseMain {

    /** Prefix of a result line. */
    static final String ROW = "ROW\t";

    private CaseMain() {
    }

    /** Runs the case; exits 1 with a message on standard error when it fails. */
    public static void main(String[] args) throws Exception {
        NativeAllocator.tune();
        if (args.length != 11) {
            System.err.println("usage: CaseMain pattern length path passes batch dInner dState warmup repetitions"
                    + " threads passSeconds");
            System.exit(2);
        }
        AttentionCase c = new AttentionCase(Pattern.parse(args[0]), Integer.parseInt(args[1]),
                AttentionCase.parsePath(args[2]));
        boolean fwd = !args[3].equals(AttentionRow.FWD_BWD);
        boolean bwd = !args[3].equals(AttentionRow.FWD);
        AttentionSettings s = new AttentionSettings(Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                Integer.parseInt(args[6]), Integer.parseInt(args[7]), Integer.parseInt(args[8]),
                Integer.parseInt(args[9]), Double.parseDouble(args[10]));
        MachineInfo.setTorchThreads(s.threads());
        List<AttentionRow> rows = new AttentionBench(s, new MemoryProbe()).run(c, fwd, bwd);
        for (AttentionRow r : rows) {
            System.out.println(ROW + r.childLine());
        }
        System.out.flush();
        System.exit(0);
    }
}

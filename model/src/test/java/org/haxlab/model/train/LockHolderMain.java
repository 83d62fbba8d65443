package org.haxlab.model.train;

import java.nio.file.Path;

/**
 * Child process for {@link RunFolderTest}: opens the run folder given as argument for a new run, prints
 * {@code locked} and holds it until its standard input closes (or it is killed).
 */
public final class LockHolderMain {

    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        try (RunFolder folder = RunFolder.open(Path.of(args[0]), RunFolder.Mode.OVERWRITE)) {
            System.out.println("locked " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our stdin
            }
        }
    }
}

package org.haxlab.model.nd;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test class whose tests each get a fresh base {@link NDManager}, closed after the test with all it made. */
public abstract class ManagedTest {

    /** This test's manager. */
    protected NDManager manager;

    @BeforeEach
    final void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    final void closeManager() {
        manager.close();
    }
}

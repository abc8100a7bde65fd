package org.shiftscope.cli;

import java.util.Arrays;
import org.shiftscope.app.Launcher;
import org.shiftscope.io.Disk;
import org.shiftscope.io.TestDisks;

/**
 * The jar's main class on a disk that fills up: {@code FullDiskMain NAME BYTES ARGS…} runs
 * {@code Launcher.main(ARGS)} with files whose name contains NAME limited to BYTES between them
 * ({@link TestDisks#full}). For tests that run the app as a process of its own.
 */
public final class FullDiskMain {
    private FullDiskMain() {}

    public static void main(String[] args) {
        Disk.use(TestDisks.full(args[0], Long.parseLong(args[1])));
        Launcher.main(Arrays.copyOfRange(args, 2, args.length));
    }
}

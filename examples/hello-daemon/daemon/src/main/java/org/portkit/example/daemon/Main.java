package org.portkit.example.daemon;

import org.portkit.example.core.Status;

/** Prints its status and exits: enough to show the fat jar runs. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        System.out.println(Status.json());
    }
}

package org.portkit.example.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** The daemon's status document. */
public final class Status {
    private Status() {}

    public static String json() throws Exception {
        return new ObjectMapper().writeValueAsString(Map.of("status", "up"));
    }
}

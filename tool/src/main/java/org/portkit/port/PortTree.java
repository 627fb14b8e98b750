package org.portkit.port;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.portkit.io.AtomicFiles;

/** A port directory on disk: written whole (staged, then renamed), read back, compared. */
public final class PortTree {
    private PortTree() {}

    /** Replaces {@code dir} by exactly {@code files}, each mode 0644 whatever the umask. */
    public static void write(SortedMap<String, String> files, Path dir) throws IOException {
        AtomicFiles.writeTree(files, dir, path -> "rw-r--r--");
    }

    public static SortedMap<String, String> read(Path dir) throws IOException {
        SortedMap<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** A unified diff from what is on disk to what the generator makes; empty when they agree. */
    public static String diff(String portPath, SortedMap<String, String> onDisk, SortedMap<String, String> generated) {
        StringBuilder out = new StringBuilder();
        TreeSet<String> names = new TreeSet<>(onDisk.keySet());
        names.addAll(generated.keySet());
        for (String name : names) {
            List<String> before = lines(onDisk.get(name));
            List<String> after = lines(generated.get(name));
            if (before.equals(after) && onDisk.containsKey(name) == generated.containsKey(name)) {
                continue;
            }
            String from = onDisk.containsKey(name) ? "a/" + portPath + "/" + name : "/dev/null";
            String to = generated.containsKey(name) ? "b/" + portPath + "/" + name : "/dev/null";
            for (String line : UnifiedDiffUtils.generateUnifiedDiff(from, to, before, DiffUtils.diff(before, after), 3)) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : new ArrayList<>(text.lines().toList());
    }
}

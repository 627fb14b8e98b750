package org.portkit.site;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * The web app's config.js as the browser gets it: nginx's SSI {@code echo} directives replaced by
 * their defaults (a request for a room at the top level sets no variable), then run as JavaScript
 * with Mozilla Rhino, in a scope with the language's standard objects only (no Java, no I/O) and
 * a bounded number of instructions. What the script leaves in {@code config} is the settings.
 */
public final class WebAppConfig {
    /** config.js does not run, or defines no {@code config} object: the web app cannot start. */
    public static final class Broken extends Exception {
        Broken(String message) {
            super(message);
        }
    }

    private static final Pattern SSI_ECHO = Pattern.compile("<!--#\\s*echo\\s+var=\"[^\"]*\"(?:\\s+default=\"([^\"]*)\")?\\s*-->");
    /** Far more than any config.js needs; a script that loops forever is stopped. */
    private static final int INSTRUCTIONS = 10_000_000;

    private static final ContextFactory BOUNDED = new ContextFactory() {
        @Override
        protected Context makeContext() {
            Context cx = super.makeContext();
            cx.setOptimizationLevel(-1);
            cx.setInstructionObserverThreshold(INSTRUCTIONS);
            return cx;
        }

        @Override
        protected void observeInstructionCount(Context cx, int instructionCount) {
            throw new EvaluatorException("stopped after " + INSTRUCTIONS + " instructions (an endless loop?)");
        }
    };

    private WebAppConfig() {}

    public static Config read(String name, String text) throws Broken {
        Matcher ssi = SSI_ECHO.matcher(text);
        StringBuilder script = new StringBuilder();
        while (ssi.find()) {
            // nginx prints "(none)" for a variable that is unset and has no default
            ssi.appendReplacement(script, Matcher.quoteReplacement(ssi.group(1) == null ? "(none)" : ssi.group(1)));
        }
        ssi.appendTail(script);
        try (Context cx = BOUNDED.enterContext()) {
            ScriptableObject scope = cx.initSafeStandardObjects();
            cx.evaluateString(scope, script.toString(), name, 1, null);
            Object config = ScriptableObject.getProperty(scope, "config");
            if (!(config instanceof Scriptable object) || config instanceof NativeArray) {
                throw new Broken(name + " defines no 'config' object (var config = { ... };)");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> settings = (Map<String, Object>) plain(object);
            return ConfigFactory.parseMap(settings, name);
        } catch (RhinoException e) {
            throw new Broken(name + " does not run as JavaScript: " + e.getMessage());
        }
    }

    /** A JavaScript value as the Java values Typesafe Config takes; functions are left out. */
    private static Object plain(Object value) {
        if (value instanceof NativeArray array) {
            List<Object> out = new ArrayList<>();
            for (Object item : array) {
                out.add(plain(item));
            }
            return out;
        }
        if (value instanceof Scriptable object && !(value instanceof org.mozilla.javascript.Function)) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Object id : object.getIds()) {
                Object v = id instanceof Integer i ? object.get(i, object) : object.get(id.toString(), object);
                if (!(v instanceof org.mozilla.javascript.Function)) {
                    out.put(id.toString(), plain(v));
                }
            }
            return out;
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return d.longValue();
        }
        if (value instanceof CharSequence s) {
            return s.toString();
        }
        return value == Scriptable.NOT_FOUND || value instanceof org.mozilla.javascript.Undefined ? null : value;
    }
}

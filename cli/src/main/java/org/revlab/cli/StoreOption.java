package org.revlab.cli;

import java.nio.file.Path;
import org.revlab.core.store.StoreSettings;

/**
 * The one place the {@code --store} option is read, so that every command accepts the same
 * forms and a new kind of store is added here only.
 */
public final class StoreOption {

    /** The forms accepted, for help texts and error messages. */
    public static final String FORMS = "mem, file:<path>";

    private StoreOption() {
    }

    /** Reads {@code mem} (the default, a private in-memory database) or {@code file:<path>}. */
    public static StoreSettings parse(String text) {
        String value = text == null ? "mem" : text.strip();
        if (value.equals("mem")) {
            return StoreSettings.memory();
        }
        if (value.startsWith("file:")) {
            String path = value.substring("file:".length());
            if (path.isBlank()) {
                throw new IllegalArgumentException("--store file: needs a path, as in"
                        + " file:results/sessions; accepted forms: " + FORMS + ".");
            }
            try {
                return StoreSettings.file(Path.of(path));
            } catch (java.nio.file.InvalidPathException e) {
                throw new IllegalArgumentException("--store '" + text + "' names an invalid"
                        + " path (" + e.getReason() + "); accepted forms: " + FORMS + ".");
            }
        }
        throw new IllegalArgumentException("--store '" + text + "' is not a store this build"
                + " knows; accepted forms: " + FORMS + ".");
    }
}

package cn.propertycompliance.ruleset;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a load so an officer sees all of them at once, not one per start attempt. */
public final class Problems {

    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    public void error(SourceFile file, int line, String message) {
        errors.add(new Problem(file.path(), line, message));
    }

    public void error(String file, int line, String message) {
        errors.add(new Problem(file, line, message));
    }

    public void warning(String file, int line, String message) {
        warnings.add(new Problem(file, line, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<Problem> errors() {
        return List.copyOf(errors);
    }

    public List<Problem> warnings() {
        return List.copyOf(warnings);
    }

    public void throwIfAny() {
        if (hasErrors()) {
            throw new ReleaseException(errors());
        }
    }
}

package cn.propertycompliance.ruleset;

/** Something wrong in a rule, table, case or policy file, pointing at the file and line. */
public record Problem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}

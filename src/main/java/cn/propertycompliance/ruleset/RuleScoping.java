package cn.propertycompliance.ruleset;

import java.util.Map;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Rewrites a DRL file for compilation so that each rule starts with its {@link RuleScope} pattern. The pattern is
 * inserted on the line of {@code when}, so compile errors still point at the lines the author wrote.
 */
final class RuleScoping {

    private RuleScoping() {
    }

    static String scoped(SourceFile file, PackageDescr pkg, Map<String, RuleMeta> rules, Problems problems) {
        String[] lines = file.text().split("\n", -1);
        for (RuleDescr rule : pkg.getRules()) {
            RuleMeta meta = rules.get(rule.getName());
            if (meta == null) {
                continue; // already reported as invalid
            }
            int from = Math.max(0, rule.getLine() - 1);
            int to = rule.getEndLine() > 0 ? Math.min(lines.length, rule.getEndLine()) : lines.length;
            boolean done = false;
            for (int i = from; i < to && !done; i++) {
                int at = whenKeyword(lines[i]);
                if (at >= 0) {
                    lines[i] = lines[i].substring(0, at + 4) + " " + RuleScope.pattern(meta) + lines[i].substring(at + 4);
                    done = true;
                }
            }
            if (!done) {
                problems.error(file, rule.getLine(), "rule " + rule.getName() + " has no 'when' line: write its conditions after 'when'");
            }
        }
        return String.join("\n", lines);
    }

    /** Position of a {@code when} keyword that starts the line's code (not inside a string or a comment), or -1. */
    private static int whenKeyword(String line) {
        String trimmed = line.stripLeading();
        if (!trimmed.startsWith("when") || (trimmed.length() > 4 && Character.isJavaIdentifierPart(trimmed.charAt(4)))) {
            return -1;
        }
        return line.length() - trimmed.length();
    }
}
